import { UnprocessableEntityException } from '@nestjs/common';

/** A 422 naming the field at fault: the request is well formed but the business refuses it. */
export function refuse(message: string, field: string, detail: string): never {
  throw new UnprocessableEntityException({ message, details: [{ field, message: detail }] });
}
