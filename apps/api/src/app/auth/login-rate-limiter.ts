import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Login throttling, per client IP (every attempt) and per account (failed attempts), so that
 * neither one address nor a spread of addresses can guess a password.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly perIp = new RateLimiterMemory({
    keyPrefix: 'login-ip',
    points: 20,
    duration: 600,
  });
  private readonly perAccount = new RateLimiterMemory({
    keyPrefix: 'login-account',
    points: 5,
    duration: 900,
  });

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
