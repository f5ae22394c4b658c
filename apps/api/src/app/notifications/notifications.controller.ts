import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { NotificationInbox } from '@relais/api-types';
import { UuidParam } from '../../common/uuid-param';
import { CurrentUser } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { NotificationsService } from './notifications.service';

/** Everyone's own inbox: a person only ever reads and marks their own messages. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  inbox(@CurrentUser() user: AuthUser): Promise<NotificationInbox> {
    return this.notifications.inbox(user);
  }

  @Post('read-all')
  @HttpCode(204)
  async readAll(@CurrentUser() user: AuthUser): Promise<void> {
    await this.notifications.markRead(user, null);
  }

  @Post(':id/read')
  @HttpCode(204)
  async read(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.notifications.markRead(user, id);
  }
}
