import { Module } from '@nestjs/common';
import { MeModule } from '../me/me.module';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

@Module({
  imports: [MeModule],
  controllers: [CalendarController],
  providers: [CalendarService],
})
export class CalendarModule {}
