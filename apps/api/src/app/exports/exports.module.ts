import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { PeopleModule } from '../people/people.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({
  imports: [PeopleModule, OrganisationModule],
  controllers: [ExportsController],
  providers: [ExportsService],
})
export class ExportsModule {}
