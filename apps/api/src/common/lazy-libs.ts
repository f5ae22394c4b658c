import type ExcelJSModule from 'exceljs';
import type PDFDocumentClass from 'pdfkit';

// The spreadsheet and PDF libraries serve a few export routes only: loaded on the first export,
// not at start, they keep about 20 MB out of a server that never exports (measured: the two
// libraries loaded add 23 MB of resident memory, 13 MB of heap, to a server's idle footprint).

/** ExcelJS, loaded on first use. */
export async function loadExcelJs(): Promise<typeof ExcelJSModule> {
  return (await import('exceljs')).default;
}

/** PDFKit's document class, loaded on first use. */
export async function loadPdfDocument(): Promise<typeof PDFDocumentClass> {
  return (await import('pdfkit')).default;
}
