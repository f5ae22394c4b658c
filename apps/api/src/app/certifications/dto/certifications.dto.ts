import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ASSESSMENT_STAGES,
  CERTIFICATION_RESULTS,
  CERTIFICATION_ROUTES,
  CERTIFICATION_TITLES,
  COMPETENCE_LEVELS,
  COMPETENCES,
  type AssessmentStage,
  type CertificationResult,
  type CertificationRoute,
  type CompetenceLevel,
  type CompetenceRating,
  type RecordBlockTrainingRequest,
  type RecordCertificationSessionRequest,
  type RecordCompetenceAssessmentRequest,
} from '@relais/api-types';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCivilDate } from '../../../common/is-civil-date';

// class-validator checks the decorator nearest the property first: the type check goes last.

const TITLE_CODES = CERTIFICATION_TITLES.map((title) => title.code);
const BLOCK_CODES = [
  ...new Set(CERTIFICATION_TITLES.flatMap((title) => title.blocks.map((b) => b.code))),
];
const COMPETENCE_CODES = COMPETENCES.map((competence) => competence.code);
const BLANK = 'vide : à remplir, ou null';

/** Body of `POST /api/pathways/{id}/certifications/sessions`. */
export class CertificationSessionDto implements RecordCertificationSessionRequest {
  @ApiProperty({ enum: TITLE_CODES, example: 'MSADS' })
  @IsIn(TITLE_CODES, { message: `titre attendu parmi : ${TITLE_CODES.join(', ')}` })
  titleCode!: string;

  @ApiProperty({ type: [String], example: ['CCP1'] })
  @IsIn(BLOCK_CODES, { each: true, message: `bloc attendu parmi : ${BLOCK_CODES.join(', ')}` })
  @ArrayUnique({ message: 'un bloc apparaît deux fois' })
  @ArrayMaxSize(20, { message: '20 blocs au plus' })
  @ArrayMinSize(1, { message: 'indiquez au moins un bloc (CCP) évalué' })
  @IsArray()
  blockCodes!: string[];

  @ApiProperty({ enum: CERTIFICATION_ROUTES })
  @IsIn(CERTIFICATION_ROUTES, {
    message: 'voie attendue : EXAMEN (session de validation) ou VAE (jury)',
  })
  route!: CertificationRoute;

  @ApiProperty({ example: '2027-03-12' })
  @IsCivilDate()
  heldOn!: string;

  @ApiProperty({ enum: CERTIFICATION_RESULTS })
  @IsIn(CERTIFICATION_RESULTS, { message: 'résultat attendu : ADMIS, AJOURNE ou ABSENT' })
  result!: CertificationResult;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @MaxLength(500, { message: '500 caractères au plus' })
  @Matches(/\S/, { message: BLANK })
  @IsString()
  note?: string | null;
}

/** Body of `PUT /api/pathways/{id}/certifications/training`. */
export class BlockTrainingDto implements RecordBlockTrainingRequest {
  @ApiProperty({ enum: TITLE_CODES, example: 'MSADS' })
  @IsIn(TITLE_CODES, { message: `titre attendu parmi : ${TITLE_CODES.join(', ')}` })
  titleCode!: string;

  @ApiProperty({ enum: BLOCK_CODES, example: 'CCP1' })
  @IsIn(BLOCK_CODES, { message: `bloc attendu parmi : ${BLOCK_CODES.join(', ')}` })
  blockCode!: string;

  @ApiProperty({ example: 70 })
  @Max(2000, { message: '2 000 heures au plus' })
  @Min(0, { message: 'pas d’heures négatives' })
  @IsNumber({ maxDecimalPlaces: 1 }, { message: 'doit être un nombre d’heures (une décimale)' })
  hours!: number;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsUUID('all', { message: 'identifiant de formation suivie invalide' })
  trainingRecordId?: string | null;
}

export class CompetenceRatingDto implements CompetenceRating {
  @ApiProperty({ enum: COMPETENCE_CODES })
  @IsIn(COMPETENCE_CODES, {
    message: `compétence attendue parmi : ${COMPETENCE_CODES.join(', ')}`,
  })
  code!: string;

  @ApiProperty({ enum: COMPETENCE_LEVELS })
  @IsIn(COMPETENCE_LEVELS, {
    message: `niveau attendu parmi : ${COMPETENCE_LEVELS.join(', ')}`,
  })
  level!: CompetenceLevel;
}

/** Body of `PUT /api/contracts/{id}/competences`. */
export class CompetenceAssessmentDto implements RecordCompetenceAssessmentRequest {
  @ApiProperty({ enum: ASSESSMENT_STAGES })
  @IsIn(ASSESSMENT_STAGES, { message: 'étape attendue : ENTREE, MI_PARCOURS ou SORTIE' })
  stage!: AssessmentStage;

  @ApiProperty({ example: '2027-03-12' })
  @IsCivilDate()
  assessedOn!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsUUID('all', { message: 'identifiant d’évaluateur invalide' })
  assessorId?: string | null;

  @ApiProperty({ type: [CompetenceRatingDto] })
  @ValidateNested({ each: true })
  @Type(() => CompetenceRatingDto)
  @ArrayMaxSize(COMPETENCES.length, { message: `${COMPETENCES.length} compétences au plus` })
  @ArrayMinSize(1, { message: 'évaluez chaque compétence' })
  @IsArray()
  ratings!: CompetenceRatingDto[];

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @MaxLength(1000, { message: '1 000 caractères au plus' })
  @Matches(/\S/, { message: BLANK })
  @IsString()
  note?: string | null;
}
