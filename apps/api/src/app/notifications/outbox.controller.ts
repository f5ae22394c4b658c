import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { OutboxEmail } from '@relais/api-types';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { OutboxQueryDto } from './dto/outbox.dto';
import { OutboxService } from './outbox.service';

/** The direction watches the e-mails still to send and those given up (`?status=dead`). */
@ApiTags('admin')
@Controller('admin/outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Roles('admin')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: OutboxQueryDto): Promise<OutboxEmail[]> {
    return this.outbox.list(user.organisationId, query.status);
  }
}
