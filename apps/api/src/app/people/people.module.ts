import { Module } from '@nestjs/common';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { SiteLoansService } from './site-loans.service';

@Module({
  controllers: [PeopleController],
  providers: [PeopleService, SiteLoansService],
  exports: [PeopleService],
})
export class PeopleModule {}
