import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Site } from '@relais/api-types';
import { UuidParam } from '../../common/uuid-param';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { SiteOpeningHoursDto, SiteSundayDerogationDto } from './dto/site.dto';
import { SitesService } from './sites.service';

@ApiTags('sites')
@Controller('sites')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Get()
  list(@CurrentUser() user: AuthUser): Promise<Site[]> {
    return this.sites.list(user);
  }

  /**
   * The site's public opening hours (HR or an admin): they decide the France Services minimum
   * (FS_OPENING_HOURS), the coverage slots and the days the site is closed.
   */
  @Roles('admin', 'hr')
  @Put(':id/opening-hours')
  setOpeningHours(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: SiteOpeningHoursDto,
  ): Promise<Site> {
    return this.sites.setOpeningHours(user, id, body);
  }

  /** The site's derogation to Sunday rest: a legal fact HR or an admin records. */
  @Roles('admin', 'hr')
  @Put(':id/sunday-derogation')
  setSundayDerogation(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: SiteSundayDerogationDto,
  ): Promise<Site> {
    return this.sites.setSundayDerogation(user, id, body);
  }
}
