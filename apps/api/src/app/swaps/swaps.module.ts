import { Module } from '@nestjs/common';
import { MeModule } from '../me/me.module';
import { RotaModule } from '../rota/rota.module';
import { SwapsController } from './swaps.controller';
import { SwapsService } from './swaps.service';

@Module({
  imports: [RotaModule, MeModule],
  controllers: [SwapsController],
  providers: [SwapsService],
  exports: [SwapsService],
})
export class SwapsModule {}
