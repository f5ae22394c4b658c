import { Global, Module } from '@nestjs/common';
import { JobQueueService } from './job-queue.service';

/** Global: any feature can declare a queue, a scheduled job or send a job in its transaction. */
@Global()
@Module({ providers: [JobQueueService], exports: [JobQueueService] })
export class JobsModule {}
