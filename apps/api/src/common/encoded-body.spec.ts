import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { acceptedEncoding, EncodedBody } from './encoded-body';

describe('EncodedBody', () => {
  const text = JSON.stringify({ shifts: Array.from({ length: 200 }, (_, id) => ({ id })) });

  it('compresses once per encoding: the same bytes object on every later request', async () => {
    const body = new EncodedBody(text);
    const br = await body.as('br');
    expect(await body.as('br')).toBe(br);
    expect(brotliDecompressSync(br).toString()).toBe(text);
    const gzip = await body.as('gzip');
    expect(await body.as('gzip')).toBe(gzip);
    expect(gunzipSync(gzip).toString()).toBe(text);
    expect(body.size).toBe(Buffer.byteLength(text));
  });

  it('picks the encoding the request accepts, quality values honoured', () => {
    expect(acceptedEncoding(undefined)).toBeNull();
    expect(acceptedEncoding('identity')).toBeNull();
    expect(acceptedEncoding('gzip, deflate, br')).toBe('br');
    expect(acceptedEncoding('br;q=0, gzip')).toBe('gzip');
    expect(acceptedEncoding('x-gzip')).toBe('gzip');
    expect(acceptedEncoding('br;q=0, gzip;q=0')).toBeNull();
    expect(acceptedEncoding('*')).toBe('br');
  });
});
