import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { todayIn } from './today';

const HOUR = 3_600_000;

/**
 * A housekeeping job run every hour on the Paris day. Every run must be idempotent (a unique
 * index or an "already done" check), so a missed run loses nothing, a repeated one does nothing
 * twice, and several API processes may run it side by side. A failed run is logged, never fatal.
 */
export abstract class HourlyJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  protected constructor(private readonly logger: Logger) {}

  /** The job's work for the given Paris day ("YYYY-MM-DD"). */
  protected abstract runFor(today: string): Promise<unknown>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.safeRun(), HOUR);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async safeRun(): Promise<void> {
    try {
      await this.runFor(todayIn());
    } catch (error) {
      this.logger.error(error instanceof Error ? error.message : String(error));
    }
  }
}
