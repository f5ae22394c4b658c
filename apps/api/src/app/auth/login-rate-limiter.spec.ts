import { HttpException } from '@nestjs/common';
import { ACCOUNT_CEILING, LoginRateLimiter, pairWaitSeconds } from './login-rate-limiter';

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

  it('slows down one account-and-address pair after 5 failures, never the same account elsewhere', async () => {
    const limiter = new LoginRateLimiter();
    for (let failure = 0; failure < 4; failure++)
      await limiter.onFailure('198.51.100.1', 'rh@x.fr');
    expect(await statusOf(limiter.beforeAttempt('198.51.100.1', 'rh@x.fr'))).toBe(200);
    await limiter.onSuccess('198.51.100.1', 'rh@x.fr');
    for (let failure = 0; failure < 5; failure++)
      await limiter.onFailure('198.51.100.1', 'rh@x.fr');
    expect(await statusOf(limiter.beforeAttempt('198.51.100.1', 'rh@x.fr'))).toBe(429);
    expect(await statusOf(limiter.beforeAttempt('198.51.100.2', 'rh@x.fr'))).toBe(200);
  });

  it.each([
    [5, 60],
    [6, 120],
    [7, 240],
    [10, 1_920],
    [11, 3_600],
    [40, 3_600],
  ])('after %i failures of a pair, waits %i s', (failures, seconds) => {
    expect(pairWaitSeconds(failures)).toBe(seconds);
  });

  it('at the account ceiling, lets only known addresses try and says so once', async () => {
    const limiter = new LoginRateLimiter();
    const reached: boolean[] = [];
    for (let failure = 0; failure < ACCOUNT_CEILING + 2; failure++)
      reached.push((await limiter.onFailure(`203.0.113.${failure}`, 'rh@x.fr')).hasReachedCeiling);
    expect(reached.filter(Boolean)).toHaveLength(1);
    expect(reached[ACCOUNT_CEILING - 1]).toBe(true);
    expect(await statusOf(limiter.beforeAttempt('192.0.2.1', 'rh@x.fr'))).toBe(429);
    expect(await statusOf(limiter.beforeAttempt('192.0.2.2', 'rh@x.fr', async () => true))).toBe(
      200,
    );
  });
});
