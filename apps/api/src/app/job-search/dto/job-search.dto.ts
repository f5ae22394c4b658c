import { ApiProperty } from '@nestjs/swagger';
import {
  APPLICATION_CONTRACTS,
  APPLICATION_STATUSES,
  CAREER_ACTION_KINDS,
  CAREER_ACTION_STATUSES,
  IMMERSION_OBJECTIVES,
  IMMERSION_PRESCRIBERS,
  type ApplicationContract,
  type ApplicationStatus,
  type CareerActionKind,
  type CareerActionRequest,
  type CareerActionStatus,
  type ImmersionObjective,
  type ImmersionPrescriber,
  type ImmersionRequest,
  type JobApplicationRequest,
  type JobApplicationStatusRequest,
  type PartnerEmployerRequest,
  type ProfessionalProjectRequest,
} from '@relais/api-types';
import {
  IsEmail,
  IsIn,
  IsNumber,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsCivilDate } from '../../../common/is-civil-date';

// class-validator checks the decorator nearest the property first: the type check goes last.
// Optional texts are sent as null (never left out), like the eligibility facts.

const BLANK = 'vide : à remplir, ou null';
const FILLED = 'ne doit pas être vide';
const among = (what: string, values: readonly string[]) =>
  `${what} attendu parmi : ${values.join(', ')}`;

export class PartnerEmployerDto implements PartnerEmployerRequest {
  @ApiProperty({ example: 'CPAM de Paris' })
  @MaxLength(120, { message: '120 caractères au plus' })
  @Matches(/\S/, { message: FILLED })
  @IsString()
  name!: string;

  @ApiProperty({ nullable: true, type: String, example: 'Protection sociale' })
  @ValidateIf((body: PartnerEmployerDto) => body.sector !== null)
  @MaxLength(120, { message: '120 caractères au plus' })
  @Matches(/\S/, { message: BLANK })
  @IsString()
  sector!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Paris 14e' })
  @ValidateIf((body: PartnerEmployerDto) => body.town !== null)
  @MaxLength(120, { message: '120 caractères au plus' })
  @Matches(/\S/, { message: BLANK })
  @IsString()
  town!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Mme Rivière' })
  @ValidateIf((body: PartnerEmployerDto) => body.contactName !== null)
  @MaxLength(120, { message: '120 caractères au plus' })
  @Matches(/\S/, { message: BLANK })
  @IsString()
  contactName!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'recrutement@cpam.example' })
  @ValidateIf((body: PartnerEmployerDto) => body.contactEmail !== null)
  @IsEmail({}, { message: 'adresse e-mail invalide' })
  @MaxLength(254, { message: '254 caractères au plus' })
  @IsString()
  contactEmail!: string | null;

  @ApiProperty({ nullable: true, type: String, example: '01 40 00 00 00' })
  @ValidateIf((body: PartnerEmployerDto) => body.contactPhone !== null)
  @Matches(/^\+?[0-9 .()-]{6,25}$/, { message: 'numéro de téléphone invalide' })
  @IsString()
  contactPhone!: string | null;

  @ApiProperty({ nullable: true, type: String })
  @ValidateIf((body: PartnerEmployerDto) => body.note !== null)
  @MaxLength(1000, { message: '1000 caractères au plus' })
  @Matches(/\S/, { message: BLANK })
  @IsString()
  note!: string | null;
}

export class ProfessionalProjectDto implements ProfessionalProjectRequest {
  @ApiProperty({ example: 'Agent d’accueil en CPAM ; conseiller France Services' })
  @MaxLength(500, { message: '500 caractères au plus' })
  @Matches(/\S/, { message: FILLED })
  @IsString()
  targetJobs!: string;

  @ApiProperty({ nullable: true, type: String, example: 'Protection sociale' })
  @ValidateIf((body: ProfessionalProjectDto) => body.sector !== null)
  @MaxLength(120, { message: '120 caractères au plus' })
  @Matches(/\S/, { message: BLANK })
  @IsString()
  sector!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'the steps planned, one a line' })
  @ValidateIf((body: ProfessionalProjectDto) => body.steps !== null)
  @MaxLength(2000, { message: '2000 caractères au plus' })
  @Matches(/\S/, { message: BLANK })
  @IsString()
  steps!: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2027-03-12' })
  @ValidateIf((body: ProfessionalProjectDto) => body.validatedOn !== null)
  @IsCivilDate()
  validatedOn!: string | null;
}

export class ImmersionDto implements ImmersionRequest {
  @ApiProperty({ description: 'a partner employer of the organisation' })
  @IsUUID('all', { message: 'identifiant d’employeur partenaire invalide' })
  employerId!: string;

  @ApiProperty({ example: '2027-03-12' })
  @IsCivilDate()
  start!: string;

  @ApiProperty({ example: '2027-03-26' })
  @IsCivilDate()
  end!: string;

  @ApiProperty({ enum: IMMERSION_OBJECTIVES })
  @IsIn(IMMERSION_OBJECTIVES, { message: among('objet', IMMERSION_OBJECTIVES) })
  objective!: ImmersionObjective;

  @ApiProperty({ enum: IMMERSION_PRESCRIBERS })
  @IsIn(IMMERSION_PRESCRIBERS, { message: among('prescripteur', IMMERSION_PRESCRIBERS) })
  prescriber!: ImmersionPrescriber;

  @ApiProperty({ nullable: true, type: String, description: 'required when prescriber is AUTRE' })
  @ValidateIf((body: ImmersionDto) => body.prescriberName !== null)
  @MaxLength(200, { message: '200 caractères au plus' })
  @Matches(/\S/, { message: BLANK })
  @IsString()
  prescriberName!: string | null;

  @ApiProperty({ example: '2027-03-05' })
  @IsCivilDate()
  conventionSignedOn!: string;

  @ApiProperty({ example: 'M. Benali, responsable d’accueil' })
  @MaxLength(200, { message: '200 caractères au plus' })
  @Matches(/\S/, { message: FILLED })
  @IsString()
  tutorName!: string;
}

export class JobApplicationDto implements JobApplicationRequest {
  @ApiProperty({ nullable: true, type: String, description: 'a partner employer, or null' })
  @ValidateIf((body: JobApplicationDto) => body.employerId !== null)
  @IsUUID('all', { message: 'identifiant d’employeur partenaire invalide' })
  employerId!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Mairie du 14e' })
  @ValidateIf((body: JobApplicationDto) => body.employerName !== null)
  @MaxLength(120, { message: '120 caractères au plus' })
  @Matches(/\S/, { message: BLANK })
  @IsString()
  employerName!: string | null;

  @ApiProperty({ example: 'Agent d’accueil' })
  @MaxLength(200, { message: '200 caractères au plus' })
  @Matches(/\S/, { message: FILLED })
  @IsString()
  position!: string;

  @ApiProperty({ enum: APPLICATION_CONTRACTS })
  @IsIn(APPLICATION_CONTRACTS, { message: among('contrat', APPLICATION_CONTRACTS) })
  contract!: ApplicationContract;

  @ApiProperty({ example: '2027-03-12' })
  @IsCivilDate()
  sentOn!: string;
}

export class JobApplicationStatusDto implements JobApplicationStatusRequest {
  @ApiProperty({ enum: APPLICATION_STATUSES })
  @IsIn(APPLICATION_STATUSES, { message: among('statut', APPLICATION_STATUSES) })
  status!: ApplicationStatus;

  @ApiProperty({ example: '2027-03-20' })
  @IsCivilDate()
  statusOn!: string;
}

export class CareerActionDto implements CareerActionRequest {
  @ApiProperty({ enum: CAREER_ACTION_KINDS })
  @IsIn(CAREER_ACTION_KINDS, { message: among('type', CAREER_ACTION_KINDS) })
  kind!: CareerActionKind;

  @ApiProperty({ example: 'Titre professionnel conseiller relation client à distance' })
  @MaxLength(200, { message: '200 caractères au plus' })
  @Matches(/\S/, { message: FILLED })
  @IsString()
  title!: string;

  @ApiProperty({ nullable: true, type: String, example: 'AFPA Paris' })
  @ValidateIf((body: CareerActionDto) => body.provider !== null)
  @MaxLength(200, { message: '200 caractères au plus' })
  @Matches(/\S/, { message: BLANK })
  @IsString()
  provider!: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2027-04-01' })
  @ValidateIf((body: CareerActionDto) => body.plannedStart !== null)
  @IsCivilDate()
  plannedStart!: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2027-06-30' })
  @ValidateIf((body: CareerActionDto) => body.plannedEnd !== null)
  @IsCivilDate()
  plannedEnd!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  @ValidateIf((body: CareerActionDto) => body.actualStart !== null)
  @IsCivilDate()
  actualStart!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  @ValidateIf((body: CareerActionDto) => body.actualEnd !== null)
  @IsCivilDate()
  actualEnd!: string | null;

  @ApiProperty({ nullable: true, type: Number, example: 24 })
  @ValidateIf((body: CareerActionDto) => body.hours !== null)
  @Max(2000, { message: '2000 heures au plus' })
  @Min(0.5, { message: 'au moins une demi-heure' })
  @IsNumber(
    { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 },
    { message: 'nombre d’heures attendu (une décimale au plus)' },
  )
  hours!: number | null;

  @ApiProperty({ nullable: true, type: String, example: 'CPF + abondement OPCO' })
  @ValidateIf((body: CareerActionDto) => body.funding !== null)
  @MaxLength(200, { message: '200 caractères au plus' })
  @Matches(/\S/, { message: BLANK })
  @IsString()
  funding!: string | null;

  @ApiProperty({ enum: CAREER_ACTION_STATUSES })
  @IsIn(CAREER_ACTION_STATUSES, { message: among('statut', CAREER_ACTION_STATUSES) })
  status!: CareerActionStatus;
}
