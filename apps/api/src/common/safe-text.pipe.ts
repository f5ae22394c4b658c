import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import type { FieldError } from '@relais/api-types';

// PostgreSQL cannot store U+0000, and a lone UTF-16 surrogate is not text at all (validators
// throw on it, jsonb refuses it): both are refused up front, naming the field.
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what this looks for.
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function findUnsafe(value: unknown, path: string, found: FieldError[], depth = 0): void {
  if (depth > 20 || found.length >= 20) return;
  if (typeof value === 'string') {
    if (UNSAFE.test(value))
      found.push({ field: path || 'body', message: 'caractère non autorisé (nul ou invalide)' });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) =>
      findUnsafe(item, path ? `${path}.${index}` : String(index), found, depth + 1),
    );
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value))
      findUnsafe(item, path ? `${path}.${key}` : key, found, depth + 1);
  }
}

/** Runs before validation on every body, query and parameter. */
@Injectable()
export class SafeTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const found: FieldError[] = [];
    findUnsafe(value, metadata.type === 'param' ? (metadata.data ?? '') : '', found);
    if (found.length > 0) {
      throw new BadRequestException({
        message: `Requête invalide — ${found.map((error) => `« ${error.field} » : ${error.message}`).join(' ; ')}.`,
        details: found,
      });
    }
    return value;
  }
}
