import { Module } from '@nestjs/common';
import { EligibilityController } from './eligibility.controller';
import { EligibilityService } from './eligibility.service';
import { HrNotesController } from './hr-notes.controller';
import { HrNotesService } from './hr-notes.service';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { SiteLoansService } from './site-loans.service';

@Module({
  controllers: [PeopleController, HrNotesController, EligibilityController],
  providers: [PeopleService, SiteLoansService, HrNotesService, EligibilityService],
  exports: [PeopleService],
})
export class PeopleModule {}
