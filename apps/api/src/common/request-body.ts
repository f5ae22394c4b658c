import { BadRequestException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';

/** Arrays and objects nested deeper than this are refused before the body is parsed. */
export const MAX_JSON_DEPTH = 32;

/** Body limit of every route not listed below: ten times the largest body a form sends. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

/** Routes open without a session get a small limit: e-mail, password and link token only. */
export const PUBLIC_BODY_LIMIT = 16 * 1024;

/** The write routes open without a session (`@Public()`), with their own small body limit. */
export const PUBLIC_WRITE_ROUTES = ['/api/auth/login', '/api/auth/accept-link'];

/**
 * Values of all arrays and objects of a body together: the forms send a few dozen at most (a
 * campaign's 14 slots, a plan's 40 modules). Thousands of tiny values in a few kilobytes would
 * each be copied, transformed and validated: seconds of CPU for nothing.
 */
export const MAX_JSON_ITEMS = 1000;

export const TOO_DEEP = `imbrication trop profonde (${MAX_JSON_DEPTH} niveaux au plus)`;
export const TOO_MANY_ITEMS = `trop d’éléments (${MAX_JSON_ITEMS} au plus)`;

/**
 * Why a JSON text is refused before it is parsed (nested too deep, too many values), or null.
 * One pass over its characters, brackets and commas inside strings skipped, no allocation; a
 * malformed text is left to the parser.
 */
export function jsonShapeProblem(
  text: string,
  maxDepth = MAX_JSON_DEPTH,
  maxItems = MAX_JSON_ITEMS,
): string | null {
  let depth = 0;
  let separators = 0;
  let isInString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isInString) {
      if (code === 0x5c /* \ */) i++;
      else if (code === 0x22 /* " */) isInString = false;
    } else if (code === 0x22) {
      isInString = true;
    } else if (code === 0x5b /* [ */ || code === 0x7b /* { */) {
      if (++depth > maxDepth) return TOO_DEEP;
    } else if (code === 0x5d /* ] */ || code === 0x7d /* } */) {
      depth--;
    } else if (code === 0x2c /* , */) {
      // n values of one array or object have n - 1 commas between them.
      if (++separators >= maxItems) return TOO_MANY_ITEMS;
    }
  }
  return null;
}

/**
 * JSON bodies: Fastify's own parser (prototype poisoning refused), behind a check of the raw
 * text's shape. A body nested thousands deep would otherwise be parsed, then overflow the stack
 * of the recursive steps after it (a 500); one of thousands of values would cost seconds of CPU;
 * both before the route's guard even ran.
 */
export function registerJsonBodyParser(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const { onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig;
  const parse = fastify.getDefaultJsonParser(
    onProtoPoisoning ?? 'error',
    onConstructorPoisoning ?? 'error',
  );
  app.useBodyParser<RawServerDefault>('application/json', {}, (request, body, done) => {
    const text = body.toString('utf8');
    const problem = jsonShapeProblem(text);
    if (problem) {
      done(
        new BadRequestException({
          message: `Corps de requête invalide : ${problem}.`,
          details: [{ field: 'body', message: problem }],
        }),
        undefined,
      );
      return;
    }
    parse(request, text, done);
  });
}
