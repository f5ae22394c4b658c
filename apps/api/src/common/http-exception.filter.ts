import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { ApiError, Violation } from '@relais/api-types';
import { formatMonth } from '@relais/rules';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const FRENCH_DEFAULT: Record<number, string> = {
  400: 'Requête invalide.',
  401: 'Connexion requise.',
  403: 'Accès refusé.',
  404: 'Ressource introuvable.',
  409: 'Conflit avec une modification existante.',
  413: 'Requête trop volumineuse.',
  414: 'Adresse trop longue.',
  415: 'Type de contenu non pris en charge : envoyez du JSON.',
  422: 'Requête refusée par les règles métier.',
  429: 'Trop de requêtes. Réessayez plus tard.',
  500: 'Erreur interne. L’équipe technique a été prévenue.',
  503: 'Service momentanément indisponible. Réessayez dans un instant.',
};

// SQLSTATE classes that mean the database is unreachable or restarting, not that the input is bad.
const UNAVAILABLE_CODES = /^(08|57P0|53|58)/;
const NETWORK_ERRORS = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'];
// node-postgres' and pg-pool's own texts for a connection lost, closed or never obtained.
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|Client has encountered a connection error|Connection is not established|terminating connection|Client was closed and is not queryable|timeout exceeded when trying to connect|Cannot use a pool after calling end/i;

// Raised by the trigger `tr_shift_closed_month`: a shift of a month HR has closed.
const CLOSED_MONTH = 'RLM01';

function closedMonthError(detail: string): ApiError {
  const [month = '', site = ''] = detail.split('|');
  const words = formatMonth(month);
  return apiError(
    409,
    `${words.charAt(0).toUpperCase()}${words.slice(1)} est clôturé${site ? ` pour ${site}` : ''} : ses créneaux ne peuvent plus être modifiés. Une correction se fait par une régularisation, portée par le mois suivant (Paie).`,
    { month },
  );
}

export function apiError(status: number, message?: string, details?: unknown): ApiError {
  return {
    statusCode: status,
    error: STATUS_TEXT[status] ?? 'Error',
    message: message ?? FRENCH_DEFAULT[status] ?? 'Erreur.',
    ...(details === undefined ? {} : { details }),
  };
}

/** Maps any error to `{ statusCode, error, message, details? }`, never leaking a stack trace. */
export function toApiError(exception: unknown): ApiError {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    if (typeof body === 'string') return apiError(status, frenchOr(status, translateFastify(body)));
    const { message, details, violations, ...rest } = body as Record<string, unknown>;
    const text = typeof message === 'string' ? message : undefined;
    const extra = Object.keys(rest).filter((key) => !['statusCode', 'error'].includes(key));
    const merged =
      details ??
      (extra.length ? Object.fromEntries(extra.map((key) => [key, rest[key]])) : undefined);
    const error = apiError(status, frenchOr(status, text), merged);
    // Refusals by the rules engine also carry their violations at the top level (stable API).
    return Array.isArray(violations) ? { ...error, violations: violations as Violation[] } : error;
  }
  if (exception instanceof QueryFailedError) {
    const code = (exception.driverError as { code?: string } | undefined)?.code ?? '';
    if (code === '23P01')
      return apiError(409, 'Chevauchement refusé : cette période est déjà occupée.');
    if (code === '23505') return apiError(409, 'Cet enregistrement existe déjà.');
    if (code === CLOSED_MONTH) {
      return closedMonthError((exception.driverError as { detail?: string }).detail ?? '');
    }
    if (code === '23503') return apiError(422, 'Référence inconnue ou encore utilisée ailleurs.');
    if (code === '23514' || code === '23502')
      return apiError(422, 'Valeur refusée par une contrainte de la base.');
    if (code === '22P02' || code === '22007' || code === '22008' || code === '22003') {
      return apiError(400, 'Valeur invalide (format ou plage).');
    }
    if (UNAVAILABLE_CODES.test(code)) return apiError(503);
  }
  if (isFastifyClientError(exception)) {
    return apiError(
      exception.statusCode,
      FRENCH_DEFAULT[exception.statusCode] ?? exception.message,
    );
  }
  if (isUnavailable(exception)) return apiError(503);
  return apiError(500);
}

// Nest turns Fastify's own errors (parsing, size, media type) into HttpExceptions with English text.
function translateFastify(message: string): string | undefined {
  if (/valid JSON|Body cannot be empty/i.test(message))
    return 'Corps de requête invalide : JSON mal formé.';
  if (/too large|too long|Unsupported Media Type/i.test(message)) return undefined;
  // Nest's "Cannot POST /api/…" for a route that does not exist.
  if (/^Cannot [A-Z]+ \//.test(message)) return undefined;
  return message;
}

function frenchOr(status: number, message: string | undefined): string | undefined {
  // Nest's own default texts are English ("Forbidden resource", "Not Found"); keep ours French.
  if (!message || /^[A-Z][a-z]+( [A-Za-z][a-z]+)*$/.test(message)) return FRENCH_DEFAULT[status];
  return message;
}

function isFastifyClientError(error: unknown): error is { statusCode: number; message: string } {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

function isUnavailable(error: unknown, depth = 0): boolean {
  const e = error as {
    code?: string;
    message?: string;
    cause?: unknown;
    driverError?: unknown;
  } | null;
  if (!e || depth > 3) return false;
  // TypeORM releases a query runner whose connection the server terminated; the request's next
  // query on it (or through its entity manager) then fails with one of these errors, not with a
  // connection error.
  if (
    error instanceof QueryRunnerAlreadyReleasedError ||
    error instanceof QueryRunnerProviderAlreadyReleasedError
  )
    return true;
  if (e.code && (NETWORK_ERRORS.includes(e.code) || UNAVAILABLE_CODES.test(e.code))) return true;
  if (UNAVAILABLE_MESSAGES.test(e.message ?? '')) return true;
  // Wrapped errors (TypeORM's driverError, an Error's cause) are read through.
  return isUnavailable(e.driverError, depth + 1) || isUnavailable(e.cause, depth + 1);
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly sendSpa?: (reply: FastifyReply) => void) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const context = host.switchToHttp();
    const reply = context.getResponse<FastifyReply>();
    const request = context.getRequest<FastifyRequest>();
    const body = toApiError(exception);
    if (
      body.statusCode === HttpStatus.NOT_FOUND &&
      this.sendSpa &&
      request.method === 'GET' &&
      !request.url.startsWith('/api')
    ) {
      // Client-side routes of the Angular app (e.g. /sites) are served its index.html.
      this.sendSpa(reply);
      return;
    }
    if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    }
    if (body.statusCode === 429) {
      const retry = (body.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (retry) reply.header('Retry-After', String(retry));
    }
    await reply.status(body.statusCode).send(body);
  }
}
