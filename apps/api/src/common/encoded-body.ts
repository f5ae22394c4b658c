import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply } from 'fastify';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlibConstants } from 'node:zlib';

/** Encodings offered, the preferred first (the same as the compression of every other answer). */
export const ANSWER_ENCODINGS = ['br', 'gzip'] as const;
export type AnswerEncoding = (typeof ANSWER_ENCODINGS)[number];

/** Below this size an answer goes as it is: compressing it would save less than it costs. */
export const COMPRESSION_THRESHOLD = 1024;

/** Brotli at a quality that costs about a millisecond for a week's grid (63 kB → 7 kB). */
export const BROTLI_OPTIONS = { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } };

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * A JSON answer served many times (a cached week): its text, and each compressed form made once,
 * on the first request that accepts it, then kept with the text.
 */
export class EncodedBody {
  private readonly encoded = new Map<AnswerEncoding, Promise<Buffer>>();

  /** The text's size in UTF-8 bytes. */
  readonly size: number;

  constructor(readonly text: string) {
    this.size = Buffer.byteLength(text);
  }

  /** The text in this encoding, compressed on first use. */
  as(encoding: AnswerEncoding): Promise<Buffer> {
    let body = this.encoded.get(encoding);
    if (body === undefined) {
      body = encoding === 'br' ? brotli(this.text, BROTLI_OPTIONS) : gzipped(this.text);
      this.encoded.set(encoding, body);
    }
    return body;
  }
}

/** The encoding to answer in, from the request's Accept-Encoding (q-values honoured). */
export function acceptedEncoding(header: string | undefined): AnswerEncoding | null {
  if (!header) return null;
  // "x-gzip" is gzip (RFC 9110, 8.4.1.3); "*" takes the preferred encoding.
  const found = negotiate(header.toLowerCase().replace(/x-gzip/g, 'gzip'), [...ANSWER_ENCODINGS]);
  return found === 'br' || found === 'gzip' ? found : null;
}

/**
 * Sends a kept answer compressed as the client accepts, from the forms kept with it (the
 * compression hook sees the encoding set and leaves the body alone).
 */
export async function sendEncoded(
  reply: FastifyReply,
  body: EncodedBody,
  acceptEncoding: string | undefined,
): Promise<string | Buffer> {
  const vary = reply.getHeader('vary');
  if (!vary) reply.header('Vary', 'Accept-Encoding');
  else if (!/accept-encoding/i.test(String(vary))) reply.header('Vary', `${vary}, Accept-Encoding`);
  const encoding = acceptedEncoding(acceptEncoding);
  if (encoding === null || body.size < COMPRESSION_THRESHOLD) return body.text;
  const encoded = await body.as(encoding);
  reply.header('Content-Encoding', encoding);
  reply.header('Content-Length', encoded.length);
  return encoded;
}
