import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';

@Module({
  imports: [PeopleModule],
  controllers: [RequestsController],
  providers: [RequestsService],
})
export class RequestsModule {}
