/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy next to every text file of the web build, once
 * at build time, so the API serves them compressed at no cost per request (`preCompressed` in
 * `apps/api/src/bootstrap.ts`). Run by `nx run web:build` after the Angular bundle.
 * Usage: `tsx tools/compress-web.ts <folder>`.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.webmanifest', '.svg']);
/** Below this size a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

function* filesUnder(folder: string): Generator<string> {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

function main(): void {
  const folder = process.argv[2];
  if (!folder) throw new Error('usage: tsx tools/compress-web.ts <folder>');
  let raw = 0;
  let brotli = 0;
  let count = 0;
  for (const path of filesUnder(folder)) {
    if (!COMPRESSIBLE.has(extname(path))) continue;
    const content = readFileSync(path);
    if (content.length < MIN_BYTES) continue;
    const br = brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    });
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
    raw += content.length;
    brotli += br.length;
    count++;
  }
  console.log(
    `compressed ${count} files: ${(raw / 1024).toFixed(0)} kB → ${(brotli / 1024).toFixed(0)} kB (Brotli)`,
  );
}

main();
