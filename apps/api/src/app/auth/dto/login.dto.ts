import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest } from '@relais/api-types';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'rh@relais.demo' })
  // class-validator checks the decorator nearest the property first: the type check goes last.
  @MaxLength(254)
  @IsEmail({}, { message: 'adresse e-mail invalide' })
  email!: string;

  @ApiProperty({ example: 'relais-demo' })
  @MaxLength(1024)
  @MinLength(1)
  @IsString()
  password!: string;
}
