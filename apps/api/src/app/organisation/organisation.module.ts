import { Module } from '@nestjs/common';
import { OrganisationSettingsController } from './organisation-settings.controller';
import { OrganisationSettingsService } from './organisation-settings.service';
import { SitesController } from './sites.controller';
import { SitesService } from './sites.service';

@Module({
  controllers: [SitesController, OrganisationSettingsController],
  providers: [SitesService, OrganisationSettingsService],
  exports: [SitesService],
})
export class OrganisationModule {}
