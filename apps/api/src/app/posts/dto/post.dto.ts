import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreatePostRequest, RecordRenewalRefusalRequest } from '@relais/api-types';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCivilDate } from '../../../common/is-civil-date';

// class-validator checks the decorator nearest the property first: the type check goes last.

export const POST_TITLE_MAX_LENGTH = 120;

export class PostsQueryDto {
  @ApiPropertyOptional({ description: 'the site whose posts are listed; all in scope if absent' })
  @IsOptional()
  @IsUUID('all', { message: 'identifiant de site invalide' })
  siteId?: string;
}

export class CreatePostDto implements CreatePostRequest {
  @ApiProperty()
  @IsUUID('all', { message: 'identifiant de site invalide' })
  siteId!: string;

  @ApiProperty({ example: 'Médiateur social — accueil', maxLength: POST_TITLE_MAX_LENGTH })
  @MaxLength(POST_TITLE_MAX_LENGTH, {
    message: `intitulé de ${POST_TITLE_MAX_LENGTH} caractères au plus`,
  })
  @IsNotEmpty({ message: 'intitulé du poste obligatoire' })
  @IsString()
  title!: string;
}

export class RecordRenewalRefusalDto implements RecordRenewalRefusalRequest {
  @ApiProperty({ example: '2027-01-10', description: 'the day the employee refused the renewal' })
  @IsCivilDate()
  refusedOn!: string;
}
