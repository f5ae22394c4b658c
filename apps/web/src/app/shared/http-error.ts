import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError } from '@relais/api-types';

/** The server's French message for a failed request, or null when it sent none. */
export function messageOf(error: unknown): string | null {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<ApiError> | null;
    if (body && typeof body.message === 'string') return body.message;
  }
  return null;
}
