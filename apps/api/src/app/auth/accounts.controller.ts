import { Controller, HttpCode, NotFoundException, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { UuidParam } from '../../common/uuid-param';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { AccountEntity } from './account.entity';
import { AuthService } from './auth.service';

@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(
    private readonly auth: AuthService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Disables an account of the caller's organisation and revokes all its sessions. */
  @Roles('admin')
  @Post(':id/disable')
  @HttpCode(204)
  async disable(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    const account = await this.dataSource
      .getRepository(AccountEntity)
      .findOneBy({ id, organisationId: user.organisationId });
    if (!account) throw new NotFoundException('Compte introuvable.');
    await this.auth.disableAccount(user, id, request.ip);
  }
}
