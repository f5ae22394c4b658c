import { Global, Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { OutboxController } from './outbox.controller';
import { OutboxService } from './outbox.service';
import { RemindersService } from './reminders.service';

/** Global: any feature can tell people about a change inside its own transaction. */
@Global()
@Module({
  controllers: [NotificationsController, OutboxController],
  providers: [NotificationsService, OutboxService, RemindersService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
