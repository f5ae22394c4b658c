import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { OrganisationSettingsAnswer } from '@relais/api-types';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { UpdateOrganisationSettingsDto } from './dto/organisation-settings.dto';
import { OrganisationSettingsService } from './organisation-settings.service';

@ApiTags('organisation')
@Controller('organisation/settings')
export class OrganisationSettingsController {
  constructor(private readonly settings: OrganisationSettingsService) {}

  @Roles('admin', 'hr', 'manager')
  @Get()
  get(@CurrentUser() user: AuthUser): Promise<OrganisationSettingsAnswer> {
    return this.settings.get(user);
  }

  @Roles('admin')
  @Put()
  update(
    @CurrentUser() user: AuthUser,
    @Body() body: UpdateOrganisationSettingsDto,
  ): Promise<OrganisationSettingsAnswer> {
    return this.settings.update(user, body);
  }
}
