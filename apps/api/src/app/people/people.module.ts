import { Module } from '@nestjs/common';
import { HrNotesController } from './hr-notes.controller';
import { HrNotesService } from './hr-notes.service';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { SiteLoansService } from './site-loans.service';

@Module({
  controllers: [PeopleController, HrNotesController],
  providers: [PeopleService, SiteLoansService, HrNotesService],
  exports: [PeopleService],
})
export class PeopleModule {}
