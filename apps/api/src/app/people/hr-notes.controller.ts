import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HrNote } from '@relais/api-types';
import { UuidParam } from '../../common/uuid-param';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { CreateHrNoteDto } from './dto/people.dto';
import { HrNotesService } from './hr-notes.service';

/** Notes RH: HR and admin only, never the person nor a manager. */
@ApiTags('people')
@Roles('admin', 'hr')
@Controller()
export class HrNotesController {
  constructor(private readonly notes: HrNotesService) {}

  @Get('people/:id/hr-notes')
  list(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<HrNote[]> {
    return this.notes.list(user, id);
  }

  @Post('people/:id/hr-notes')
  add(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: CreateHrNoteDto,
  ): Promise<HrNote> {
    return this.notes.add(user, id, body);
  }

  @Delete('hr-notes/:id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    return this.notes.remove(user, id);
  }
}
