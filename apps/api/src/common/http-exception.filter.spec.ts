import { ForbiddenException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import {
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';
import { toApiError } from './http-exception.filter';

const UNAVAILABLE = {
  statusCode: 503,
  error: 'Service Unavailable',
  message: 'Service momentanément indisponible. Réessayez dans un instant.',
};

describe('toApiError while the database is away', () => {
  it('answers 503 in French to every way a lost connection shows up', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const terminated = new QueryFailedError('SELECT 1', [], {
      code: '57P01',
      message: 'terminating connection due to administrator command',
    } as unknown as Error);
    const startingUp = new QueryFailedError('SELECT 1', [], {
      code: '57P03',
      message: 'the database system is starting up',
    } as unknown as Error);
    const dropped = new Error('Connection terminated unexpectedly');
    for (const error of [
      refused,
      terminated,
      startingUp,
      dropped,
      new QueryRunnerAlreadyReleasedError(),
      // A request's entity manager whose query runner was released with its dead connection.
      new QueryRunnerProviderAlreadyReleasedError(),
    ]) {
      expect(toApiError(error)).toEqual(UNAVAILABLE);
    }
  });

  it('answers a bare 500 to anything else, without its message or stack', () => {
    const body = toApiError(new TypeError("Cannot read properties of undefined (reading 'id')"));
    expect(body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Erreur interne. L’équipe technique a été prévenue.',
    });
  });
});

describe('toApiError of an exception thrown without a message', () => {
  it.each([
    [new NotFoundException(), 'Ressource introuvable.'],
    [new ForbiddenException(), 'Accès refusé.'],
    [new PayloadTooLargeException(), 'Requête trop volumineuse.'],
    [new NotFoundException('Créneau introuvable.'), 'Créneau introuvable.'],
  ])('%s: French text', (exception, message) => {
    expect(toApiError(exception).message).toBe(message);
  });
});
