import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { MyColleague, MyShift, MyWeek } from '@relais/api-types';
import { daysBetween } from '@relais/rules';
import { refuse } from '../../common/refuse';
import { CurrentUser } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { MarkSeenDto, MyColleaguesQueryDto, MyShiftsQueryDto, MyWeekQueryDto } from './dto/me.dto';
import { MeService } from './me.service';

/** The caller's own data: every signed-in person has a week, whatever their role. */
@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get('week')
  week(@CurrentUser() user: AuthUser, @Query() query: MyWeekQueryDto): Promise<MyWeek> {
    return this.me.week(user, query.week);
  }

  @Post('week/seen')
  @HttpCode(204)
  async seen(@CurrentUser() user: AuthUser, @Body() body: MarkSeenDto): Promise<void> {
    await this.me.markSeen(user, new Date(body.seenAt));
  }

  @Get('shifts')
  shifts(@CurrentUser() user: AuthUser, @Query() query: MyShiftsQueryDto): Promise<MyShift[]> {
    if (query.to < query.from)
      refuse('La fin de la période précède son début.', 'to', 'doit suivre « from »');
    if (daysBetween(query.from, query.to) > 62)
      refuse('Période trop longue : deux mois au plus.', 'to', 'deux mois au plus');
    return this.me.shifts(user, query.from, query.to);
  }

  @Get('colleagues')
  colleagues(
    @CurrentUser() user: AuthUser,
    @Query() query: MyColleaguesQueryDto,
  ): Promise<MyColleague[]> {
    return this.me.colleagues(user, query.shiftId);
  }
}
