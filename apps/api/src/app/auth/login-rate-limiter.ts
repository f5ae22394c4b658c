import { HttpException, HttpStatus, Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';

const PER_IP = { keyPrefix: 'login-ip', points: 20, duration: 600 };
const PER_ACCOUNT = { keyPrefix: 'login-account', points: 5, duration: 900 };

/**
 * Login throttling, per client IP (every attempt) and per account (failed attempts), so that
 * neither one address nor a spread of addresses can guess a password.
 *
 * The counters live in PostgreSQL (table `login_throttle`) so that every API process behind a
 * load balancer shares them. On the embedded database (one process by nature) and without a
 * database (unit tests) they stay in memory: PGlite is one backend shared by every pooled
 * connection, which breaks the store's named prepared statements when a connection is renewed.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly perIp: RateLimiterAbstract;
  private readonly perAccount: RateLimiterAbstract;

  constructor(
    @Optional() @InjectDataSource() dataSource?: DataSource,
    @Optional() @Inject(APP_CONFIG) config?: AppConfig,
  ) {
    // The PostgreSQL driver's primary pool (the one that takes writes when reads go to replicas).
    const pool = config?.databaseUrl
      ? (dataSource?.driver as { master?: Pool } | undefined)?.master
      : undefined;
    const perIp = { ...PER_IP, points: config?.loginLimitPerIp ?? PER_IP.points };
    if (pool) {
      const store = {
        storeClient: pool,
        storeType: 'pool',
        tableName: 'login_throttle',
        tableCreated: true,
        clearExpiredByTimeout: false,
      };
      this.perIp = new RateLimiterPostgres({ ...store, ...perIp });
      this.perAccount = new RateLimiterPostgres({ ...store, ...PER_ACCOUNT });
    } else {
      this.perIp = new RateLimiterMemory(perIp);
      this.perAccount = new RateLimiterMemory(PER_ACCOUNT);
    }
  }

  /** Counts one attempt from this IP and refuses when either budget is already spent. */
  async beforeAttempt(ip: string, email: string): Promise<void> {
    const account = await this.perAccount.get(email);
    if (account !== null && account.remainingPoints <= 0) this.refuse(account);
    try {
      await this.perIp.consume(ip);
    } catch (error) {
      if (error instanceof RateLimiterRes) this.refuse(error);
      throw error;
    }
  }

  async onFailure(email: string): Promise<void> {
    await this.perAccount.penalty(email, 1);
  }

  async onSuccess(email: string): Promise<void> {
    await this.perAccount.delete(email);
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
