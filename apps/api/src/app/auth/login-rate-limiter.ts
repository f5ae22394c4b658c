import { HttpException, HttpStatus, Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import {
  IRateLimiterOptions,
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';

/** Every attempt from one address, whatever the account. */
const PER_IP = { keyPrefix: 'login-ip', points: 20, duration: 600 };
/** Failures of one account from one address, forgotten a day later or at a success. */
const PER_PAIR = { keyPrefix: 'login-pair', points: 10_000, duration: 86_400 };
/** The back-off of one account-and-address pair (only ever set with `block`). */
const PAIR_WAIT = { keyPrefix: 'login-pair-wait', points: 1, duration: 1 };
/** Failures of one account from every address over an hour. */
const PER_ACCOUNT = { keyPrefix: 'login-account', points: 10_000, duration: 3_600 };

/** Failures a pair gets for free; each one after waits twice as long as the last. */
export const PAIR_FREE_FAILURES = 5;
export const PAIR_FIRST_WAIT_SECONDS = 60;
export const PAIR_MAX_WAIT_SECONDS = 3_600;
/** Failures of an account in an hour after which only the owner's known addresses may try. */
export const ACCOUNT_CEILING = 20;

function key(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

/**
 * Login throttling after OWASP's authentication guidance, so that nobody can lock a person out by
 * knowing their address:
 * - per client address, every attempt (20 per 10 min), against guessing many accounts;
 * - per account-and-address pair, failures: after 5, that pair waits 1 min, then twice as long
 *   after each further failure (1 h at most); the owner elsewhere is not slowed down;
 * - per account, failures from every address: at 20 in an hour, only an address the account
 *   logged in from lately may still try (the caller tells), and the owner is told once.
 *
 * The counters live in PostgreSQL (table `login_throttle`) so that every API process behind a
 * load balancer shares them; keys are hashes (no e-mail stored, bounded length). On the embedded
 * database (one process by nature) and without a database (unit tests) they stay in memory:
 * PGlite is one backend shared by every pooled connection, which breaks the store's named
 * prepared statements when a connection is renewed.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly perIp: RateLimiterAbstract;
  private readonly perPair: RateLimiterAbstract;
  private readonly pairWait: RateLimiterAbstract;
  private readonly perAccount: RateLimiterAbstract;

  constructor(
    @Optional() @InjectDataSource() dataSource?: DataSource,
    @Optional() @Inject(APP_CONFIG) config?: AppConfig,
  ) {
    // The PostgreSQL driver's primary pool (the one that takes writes when reads go to replicas).
    const pool = config?.databaseUrl
      ? (dataSource?.driver as { master?: Pool } | undefined)?.master
      : undefined;
    const limiter = (options: IRateLimiterOptions): RateLimiterAbstract =>
      pool
        ? new RateLimiterPostgres({
            storeClient: pool,
            storeType: 'pool',
            tableName: 'login_throttle',
            tableCreated: true,
            clearExpiredByTimeout: false,
            ...options,
          })
        : new RateLimiterMemory(options);
    this.perIp = limiter({ ...PER_IP, points: config?.loginLimitPerIp ?? PER_IP.points });
    this.perPair = limiter(PER_PAIR);
    this.pairWait = limiter(PAIR_WAIT);
    this.perAccount = limiter(PER_ACCOUNT);
  }

  /**
   * Counts one attempt from this address and refuses (429) when the address is spent, when this
   * pair is waiting, or when the account is at its ceiling and the address is not one of its own.
   */
  async beforeAttempt(
    ip: string,
    email: string,
    isKnownAddress: () => Promise<boolean> = async () => false,
  ): Promise<void> {
    const wait = await this.pairWait.get(key(email, ip));
    if (wait !== null && wait.remainingPoints <= 0) this.refuse(wait);
    const account = await this.perAccount.get(key(email));
    if (account !== null && account.consumedPoints >= ACCOUNT_CEILING && !(await isKnownAddress()))
      this.refuse(account);
    try {
      await this.perIp.consume(ip);
    } catch (error) {
      if (error instanceof RateLimiterRes) this.refuse(error);
      throw error;
    }
  }

  /** Records a failure; true when it is the one that brings the account to its ceiling. */
  async onFailure(ip: string, email: string): Promise<{ hasReachedCeiling: boolean }> {
    const pair = await this.perPair.penalty(key(email, ip), 1);
    if (pair.consumedPoints >= PAIR_FREE_FAILURES)
      await this.pairWait.block(key(email, ip), pairWaitSeconds(pair.consumedPoints));
    const account = await this.perAccount.penalty(key(email), 1);
    return { hasReachedCeiling: account.consumedPoints === ACCOUNT_CEILING };
  }

  /** A success forgets this pair's failures; the account's hour runs on (the attacker's too). */
  async onSuccess(ip: string, email: string): Promise<void> {
    await this.perPair.delete(key(email, ip));
    await this.pairWait.delete(key(email, ip));
  }

  private refuse(result: RateLimiterRes): never {
    const seconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
    throw new HttpException(
      {
        message: `Trop de tentatives de connexion. Réessayez dans ${Math.ceil(seconds / 60)} min.`,
        retryAfterSeconds: seconds,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/** The wait after the n-th failure of a pair (n ≥ 5): 1 min, 2, 4, … up to 1 h. */
export function pairWaitSeconds(failures: number): number {
  const doublings = Math.min(failures - PAIR_FREE_FAILURES, 16);
  return Math.min(PAIR_FIRST_WAIT_SECONDS * 2 ** Math.max(doublings, 0), PAIR_MAX_WAIT_SECONDS);
}
