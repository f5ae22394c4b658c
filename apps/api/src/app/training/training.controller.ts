import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { TrainingEnrolment, TrainingModule, TrainingSession } from '@relais/api-types';
import { UuidParam } from '../../common/uuid-param';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { AttendanceDto, CreateSessionDto, EnrolDto, SessionsQueryDto } from './dto/training.dto';
import { TrainingService } from './training.service';

@ApiTags('training')
@Controller('training')
export class TrainingController {
  constructor(private readonly training: TrainingService) {}

  @Get('modules')
  modules(@CurrentUser() user: AuthUser): Promise<TrainingModule[]> {
    return this.training.modules(user);
  }

  @Get('sessions')
  sessions(
    @CurrentUser() user: AuthUser,
    @Query() query: SessionsQueryDto,
  ): Promise<TrainingSession[]> {
    return this.training.sessions(user, query.from, query.to);
  }

  @Roles('admin', 'hr', 'manager')
  @Get('sessions/:id')
  session(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<TrainingSession> {
    return this.training.session(user, id);
  }

  @Roles('admin', 'hr', 'manager')
  @Post('sessions')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateSessionDto): Promise<TrainingSession> {
    return this.training.createSession(user, body);
  }

  @Roles('admin', 'hr', 'manager')
  @Post('sessions/:id/enrolments')
  enrol(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: EnrolDto,
  ): Promise<TrainingEnrolment> {
    return this.training.enrol(user, id, body.personId);
  }

  @Roles('admin', 'hr', 'manager')
  @Delete('enrolments/:id')
  @HttpCode(204)
  unenrol(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    return this.training.unenrol(user, id);
  }

  @Roles('admin', 'hr', 'manager')
  @Post('enrolments/:id/attendance')
  @HttpCode(200)
  attendance(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: AttendanceDto,
  ): Promise<TrainingEnrolment> {
    return this.training.attendance(user, id, body.present, body.attendedMinutes ?? null);
  }

  @Roles('admin', 'hr')
  @Post('enrolments/:id/validation')
  @HttpCode(200)
  validate(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<TrainingEnrolment> {
    return this.training.validate(user, id);
  }
}
