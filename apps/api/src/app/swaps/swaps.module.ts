import { Module } from '@nestjs/common';
import { RotaModule } from '../rota/rota.module';
import { SwapsController } from './swaps.controller';
import { SwapsService } from './swaps.service';

@Module({
  imports: [RotaModule],
  controllers: [SwapsController],
  providers: [SwapsService],
})
export class SwapsModule {}
