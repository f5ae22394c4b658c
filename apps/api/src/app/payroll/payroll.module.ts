import { Module } from '@nestjs/common';
import { MyStatementsController, PayrollController } from './payroll.controller';
import { PayrollService } from './payroll.service';

@Module({
  controllers: [PayrollController, MyStatementsController],
  providers: [PayrollService],
})
export class PayrollModule {}
