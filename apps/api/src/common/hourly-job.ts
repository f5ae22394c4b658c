import { Logger } from '@nestjs/common';
import { JobQueueService } from '../app/jobs/job-queue.service';
import { todayIn } from './today';

/**
 * A housekeeping job run every hour on the Paris day (`JOBS_CRON`). The job queue creates one job
 * per hour whatever the number of API processes, and one worker of one process runs it; a failed
 * run is logged and tried again twice, five minutes apart. Every run must still be idempotent (a
 * unique index or an "already done" check): a run cut short by a restart is run again.
 */
export abstract class HourlyJob {
  protected constructor(queue: JobQueueService, name: string, logger: Logger) {
    queue.register({
      name,
      options: { retryLimit: 2, retryDelay: 300, expireInSeconds: 1800 },
      isScheduled: true,
      work: async () => {
        try {
          return { result: await this.runFor(todayIn()) };
        } catch (error) {
          logger.error(error instanceof Error ? error.message : String(error));
          throw error;
        }
      },
    });
  }

  /** The job's work for the given Paris day ("YYYY-MM-DD"). */
  protected abstract runFor(today: string): Promise<unknown>;
}
