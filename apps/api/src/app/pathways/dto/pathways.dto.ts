import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsCivilDate } from '../../../common/is-civil-date';

// class-validator checks the decorator nearest the property first: the type check goes last.

export class UpdateMilestoneDto {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsCivilDate()
  dueOn?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'null: not done' })
  @IsOptional()
  @IsCivilDate()
  doneOn?: string | null;
}

export class UpdatePlanDto {
  @ApiProperty({ example: ['T01', 'T11', 'T02', 'T03'] })
  @ArrayMaxSize(40)
  @Matches(/^[A-Z0-9-]{1,12}$/, { each: true, message: 'codes de module attendus (ex. T01)' })
  @IsString({ each: true })
  @IsArray()
  requiredModuleCodes!: string[];
}

export class EvidenceDto {
  @ApiProperty({ example: 'diagnostic.pdf' })
  @MaxLength(200)
  @MinLength(1)
  @IsString()
  fileName!: string;

  @ApiProperty({ description: 'the file, base64 encoded (5 MB at most once decoded)' })
  @MaxLength(7_000_000, { message: 'fichier trop volumineux : 5 Mo au plus' })
  @Matches(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'contenu base64 attendu' })
  @IsString()
  contentBase64!: string;
}

export class NoteDto {
  @ApiProperty()
  @MaxLength(5000)
  @MinLength(1, { message: 'ne doit pas être vide' })
  @IsString()
  body!: string;
}
