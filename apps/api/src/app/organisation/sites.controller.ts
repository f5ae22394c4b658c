import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Site } from '@relais/api-types';
import { CurrentUser } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { SitesService } from './sites.service';

@ApiTags('sites')
@Controller('sites')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Get()
  list(@CurrentUser() user: AuthUser): Promise<Site[]> {
    return this.sites.list(user);
  }
}
