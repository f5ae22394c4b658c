import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class AcceptLinkDto {
  @ApiProperty()
  @MaxLength(200)
  @MinLength(10)
  @IsString()
  token!: string;

  @ApiProperty({ minLength: 12 })
  @MaxLength(1024)
  @IsString()
  password!: string;
}
