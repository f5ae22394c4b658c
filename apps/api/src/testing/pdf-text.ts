import { PDFParse } from 'pdf-parse';

/** The text of a PDF as a reader would copy it, pages joined: tests read documents, not bytes. */
export async function pdfText(data: Uint8Array | ArrayBuffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(data) });
  try {
    const result = await parser.getText();
    return result.text;
  } finally {
    await parser.destroy();
  }
}
