import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AutoFillApplyResult, AutoFillJob } from '@relais/api-types';
import { UuidParam } from '../../../common/uuid-param';
import { CurrentUser, Roles } from '../../access/access.decorators';
import type { AuthUser } from '../../access/auth-user';
import { AutoFillDto } from './auto-fill.dto';
import { AutoFillService } from './auto-fill.service';

/** Auto-fill jobs: start, follow, stop, then apply or discard the proposal. */
@ApiTags('rota')
@Roles('admin', 'hr', 'manager')
@Controller('rota/auto-fill')
export class AutoFillController {
  constructor(private readonly autoFill: AutoFillService) {}

  @Post()
  @HttpCode(202)
  start(@CurrentUser() user: AuthUser, @Body() body: AutoFillDto): Promise<AutoFillJob> {
    return this.autoFill.start(user, body);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<AutoFillJob> {
    return this.autoFill.get(user, id);
  }

  @Post(':id/stop')
  @HttpCode(200)
  stop(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<AutoFillJob> {
    return this.autoFill.stop(user, id);
  }

  @Post(':id/discard')
  @HttpCode(200)
  discard(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<AutoFillJob> {
    return this.autoFill.discard(user, id);
  }

  @Post(':id/apply')
  @HttpCode(200)
  apply(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<AutoFillApplyResult> {
    return this.autoFill.apply(user, id);
  }
}
