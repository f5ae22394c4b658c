import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ExchangeableShift, ShiftSwap } from '@relais/api-types';
import { UuidParam } from '../../common/uuid-param';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { CreateSwapDto, DecideSwapDto, ExchangeableQueryDto, SwapsQueryDto } from './dto/swaps.dto';
import { SwapsService } from './swaps.service';

@ApiTags('swaps')
@Controller('swaps')
export class SwapsController {
  constructor(private readonly swaps: SwapsService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: SwapsQueryDto): Promise<ShiftSwap[]> {
    return this.swaps.list(user, query.status);
  }

  /** A colleague's published shifts to come, to ask one in exchange for mine. */
  @Get('exchangeable')
  exchangeable(
    @CurrentUser() user: AuthUser,
    @Query() query: ExchangeableQueryDto,
  ): Promise<ExchangeableShift[]> {
    return this.swaps.exchangeable(user, query.toPersonId);
  }

  /** A person offers one of their published shifts to a colleague, alone or in exchange. */
  @Post()
  offer(@CurrentUser() user: AuthUser, @Body() body: CreateSwapDto): Promise<ShiftSwap> {
    return this.swaps.offer(user, body);
  }

  @Post(':id/accept')
  @HttpCode(200)
  accept(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<ShiftSwap> {
    return this.swaps.accept(user, id);
  }

  /** Either person withdraws (the offer) or declines (the colleague) before the decision. */
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<ShiftSwap> {
    return this.swaps.cancel(user, id);
  }

  @Roles('admin', 'hr', 'manager')
  @Post(':id/decision')
  @HttpCode(200)
  decide(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: DecideSwapDto,
  ): Promise<ShiftSwap> {
    return this.swaps.decide(user, id, body);
  }
}
