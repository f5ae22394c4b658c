import { HttpException } from '@nestjs/common';
import { LoginRateLimiter } from './login-rate-limiter';

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    return error instanceof HttpException ? error.getStatus() : 500;
  }
}

describe('LoginRateLimiter', () => {
  it('lets one IP try 20 different accounts, then answers 429', async () => {
    const limiter = new LoginRateLimiter();
    for (let attempt = 0; attempt < 20; attempt++) {
      expect(await statusOf(limiter.beforeAttempt('203.0.113.7', `a${attempt}@x.fr`))).toBe(200);
    }
    expect(await statusOf(limiter.beforeAttempt('203.0.113.7', 'z@x.fr'))).toBe(429);
    // Another address keeps its own budget.
    expect(await statusOf(limiter.beforeAttempt('203.0.113.8', 'z@x.fr'))).toBe(200);
  });

  it('blocks an account after 5 failures whatever the IP, and forgets them after a success', async () => {
    const limiter = new LoginRateLimiter();
    for (let failure = 0; failure < 4; failure++) await limiter.onFailure('rh@x.fr');
    expect(await statusOf(limiter.beforeAttempt('198.51.100.1', 'rh@x.fr'))).toBe(200);
    await limiter.onSuccess('rh@x.fr');
    for (let failure = 0; failure < 5; failure++) await limiter.onFailure('rh@x.fr');
    expect(await statusOf(limiter.beforeAttempt('198.51.100.2', 'rh@x.fr'))).toBe(429);
  });
});
