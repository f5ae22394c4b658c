import {
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CalendarFeedState } from '@relais/api-types';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Public } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { CalendarService } from './calendar.service';

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('me/calendar')
  state(@CurrentUser() user: AuthUser): Promise<CalendarFeedState> {
    return this.calendar.state(user);
  }

  /** Creates or regenerates my feed URL; the answer is the only time the URL is shown. */
  @Post('me/calendar')
  @HttpCode(201)
  regenerate(
    @CurrentUser() user: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<CalendarFeedState> {
    return this.calendar.regenerate(user, `${request.protocol}://${request.host}`);
  }

  @Delete('me/calendar')
  @HttpCode(204)
  async revoke(@CurrentUser() user: AuthUser): Promise<void> {
    await this.calendar.revoke(user);
  }

  /** Public: the token in the URL is the credential. Unknown or revoked: a bare 404. */
  @Public()
  @Get('calendar/:file')
  async feed(
    @Param('file') file: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const token = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : '';
    const ics = token ? await this.calendar.feed(token) : null;
    if (ics === null) throw new NotFoundException();
    // Set only on success: an error keeps its JSON body.
    reply.header('content-type', 'text/calendar; charset=utf-8');
    reply.header('cache-control', 'private, no-store');
    return ics;
  }
}
