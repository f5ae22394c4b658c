import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Observable } from 'rxjs';

/** What every write of a request records besides its own facts (the audit trail's context). */
interface RequestContext {
  ip: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The address of the request being served, or null outside one (jobs, seed, tests' direct calls). */
export function requestIp(): string | null {
  return storage.getStore()?.ip ?? null;
}

/**
 * Runs each HTTP handler inside its request's context, so that the audit service reads the
 * caller's address there instead of every service threading it through its signatures.
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return new Observable((subscriber) =>
      storage.run({ ip: request.ip }, () => next.handle().subscribe(subscriber)),
    );
  }
}
