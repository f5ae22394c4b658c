import type {
  ApplicationContract,
  ApplicationStatus,
  CareerActionKind,
  CareerActionStatus,
  ImmersionObjective,
  ImmersionPrescriber,
} from '@relais/api-types';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { PersonEntity } from '../people/person.entity';

const quoted = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');
export const OBJECTIVE_CHECK = quoted([
  'DECOUVRIR_METIER',
  'CONFIRMER_PROJET',
  'INITIER_RECRUTEMENT',
]);
export const PRESCRIBER_CHECK = quoted(['FRANCE_TRAVAIL', 'MISSION_LOCALE', 'CAP_EMPLOI', 'AUTRE']);
export const CONTRACT_CHECK = quoted(['CDI', 'CDD', 'INTERIM', 'CREATION', 'FORMATION', 'AUTRE']);
export const APPLICATION_STATUS_CHECK = quoted([
  'ENVOYEE',
  'ENTRETIEN',
  'PROPOSITION',
  'ACCEPTEE',
  'REFUSEE',
  'SANS_REPONSE',
]);
export const ACTION_KIND_CHECK = quoted(['CPF', 'BILAN_COMPETENCES', 'PRO_A', 'VAE', 'AUTRE']);
export const ACTION_STATUS_CHECK = quoted([
  'ENVISAGEE',
  'DEMANDEE',
  'ACCEPTEE',
  'EN_COURS',
  'TERMINEE',
  'ABANDONNEE',
]);

/** An employer the organisation works with (immersions, applications); names unique per organisation. */
@Entity({ name: 'partner_employer' })
@Index('uq_partner_employer_name', ['organisationId', 'name'], { unique: true })
export class PartnerEmployerEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_partner_employer' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  sector!: string | null;

  @Column({ type: 'text', nullable: true })
  town!: string | null;

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName!: string | null;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail!: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A person's professional project; its validation closes milestone P11 (see syncFactMilestones). */
@Entity({ name: 'professional_project' })
@Index('uq_professional_project_person', ['personId'], { unique: true })
export class ProfessionalProjectEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_professional_project' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_professional_project_person' })
  person?: PersonEntity;

  @Column({ name: 'target_jobs', type: 'text' })
  targetJobs!: string;

  @Column({ type: 'text', nullable: true })
  sector!: string | null;

  @Column({ type: 'text', nullable: true })
  steps!: string | null;

  @Column({ name: 'validated_on', type: 'date', nullable: true })
  validatedOn!: string | null;

  /** The account that validated it (« validé le … par … »). */
  @Column({ name: 'validated_by', type: 'uuid', nullable: true })
  validatedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A PMSMP (L5135-1 ff.): one month at most de date à date, under a convention signed first. */
@Entity({ name: 'immersion' })
@Index('ix_immersion_person', ['personId', 'startDate'])
@Check('ck_immersion_dates', `"end_date" >= "start_date"`)
@Check('ck_immersion_convention', `"convention_signed_on" <= "start_date"`)
@Check('ck_immersion_objective', `"objective" IN (${OBJECTIVE_CHECK})`)
@Check('ck_immersion_prescriber', `"prescriber" IN (${PRESCRIBER_CHECK})`)
export class ImmersionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_immersion' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_immersion_person' })
  person?: PersonEntity;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @ManyToOne(() => PartnerEmployerEntity)
  @JoinColumn({ name: 'employer_id', foreignKeyConstraintName: 'fk_immersion_employer' })
  employer?: PartnerEmployerEntity;

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate!: string;

  @Column({ type: 'text' })
  objective!: ImmersionObjective;

  @Column({ type: 'text' })
  prescriber!: ImmersionPrescriber;

  @Column({ name: 'prescriber_name', type: 'text', nullable: true })
  prescriberName!: string | null;

  @Column({ name: 'convention_signed_on', type: 'date' })
  conventionSignedOn!: string;

  @Column({ name: 'tutor_name', type: 'text' })
  tutorName!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** An application sent by the person (logged by HR or by the person themself). */
@Entity({ name: 'job_application' })
@Index('ix_job_application_person', ['personId', 'sentOn'])
@Check('ck_job_application_employer', `("employer_id" IS NULL) <> ("employer_name" IS NULL)`)
@Check('ck_job_application_contract', `"contract" IN (${CONTRACT_CHECK})`)
@Check('ck_job_application_status', `"status" IN (${APPLICATION_STATUS_CHECK})`)
@Check('ck_job_application_status_on', `"status_on" >= "sent_on"`)
export class JobApplicationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_job_application' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_job_application_person' })
  person?: PersonEntity;

  @Column({ name: 'employer_id', type: 'uuid', nullable: true })
  employerId!: string | null;

  @ManyToOne(() => PartnerEmployerEntity)
  @JoinColumn({ name: 'employer_id', foreignKeyConstraintName: 'fk_job_application_employer' })
  employer?: PartnerEmployerEntity;

  /** The employer as typed, when not a partner. */
  @Column({ name: 'employer_name', type: 'text', nullable: true })
  employerName!: string | null;

  @Column({ type: 'text' })
  position!: string;

  @Column({ type: 'text' })
  contract!: ApplicationContract;

  @Column({ name: 'sent_on', type: 'date' })
  sentOn!: string;

  @Column({ type: 'text' })
  status!: ApplicationStatus;

  @Column({ name: 'status_on', type: 'date' })
  statusOn!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** CPF, bilan de compétences, Pro-A, VAE…: recorded by HR, read by the person. */
@Entity({ name: 'career_action' })
@Index('ix_career_action_person', ['personId'])
@Check('ck_career_action_kind', `"kind" IN (${ACTION_KIND_CHECK})`)
@Check('ck_career_action_status', `"status" IN (${ACTION_STATUS_CHECK})`)
@Check('ck_career_action_hours', `"hours" IS NULL OR "hours" > 0`)
export class CareerActionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_career_action' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_career_action_person' })
  person?: PersonEntity;

  @Column({ type: 'text' })
  kind!: CareerActionKind;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  provider!: string | null;

  @Column({ name: 'planned_start', type: 'date', nullable: true })
  plannedStart!: string | null;

  @Column({ name: 'planned_end', type: 'date', nullable: true })
  plannedEnd!: string | null;

  @Column({ name: 'actual_start', type: 'date', nullable: true })
  actualStart!: string | null;

  @Column({ name: 'actual_end', type: 'date', nullable: true })
  actualEnd!: string | null;

  @Column({
    type: 'numeric',
    precision: 6,
    scale: 1,
    nullable: true,
    transformer: {
      to: (v: number | null) => v,
      from: (v: string | null) => (v === null ? null : Number(v)),
    },
  })
  hours!: number | null;

  @Column({ type: 'text', nullable: true })
  funding!: string | null;

  @Column({ type: 'text' })
  status!: CareerActionStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
