import { AuditEventEntity } from '../app/audit/audit-event.entity';
import { AccountEntity } from '../app/auth/account.entity';
import { OneTimeTokenEntity } from '../app/auth/one-time-token.entity';
import { SessionEntity } from '../app/auth/session.entity';
import { CalendarFeedEntity } from '../app/calendar/calendar-feed.entity';
import {
  CertificationBlockTrainingEntity,
  CertificationSessionEntity,
  CompetenceAssessmentEntity,
} from '../app/certifications/certification.entities';
import { ContractAlertEntity } from '../app/contracts/contract-alert.entity';
import { ContractEntity } from '../app/contracts/contract.entity';
import { ExitRecordEntity } from '../app/exits/exit-record.entity';
import {
  CareerActionEntity,
  ImmersionEntity,
  JobApplicationEntity,
  PartnerEmployerEntity,
  ProfessionalProjectEntity,
} from '../app/job-search/job-search.entities';
import { SelfServiceStateEntity } from '../app/me/self-service-state.entity';
import { NotificationEntity } from '../app/notifications/notification.entity';
import {
  ContractObligationEntity,
  ObligationReminderEntity,
} from '../app/obligations/obligation.entities';
import { OpenShiftClaimEntity } from '../app/open-shifts/open-shift-claim.entity';
import { LocationEntity } from '../app/organisation/location.entity';
import { OrganisationSettingsEntity } from '../app/organisation/organisation-settings.entity';
import { OrganisationEntity } from '../app/organisation/organisation.entity';
import { SiteEntity } from '../app/organisation/site.entity';
import {
  PathwayEvidenceEntity,
  PathwayMilestoneEntity,
  PathwayNoteEntity,
  PathwayPlanChangeEntity,
  PathwayPlanEntity,
} from '../app/pathways/pathway.entities';
import {
  HoursStatementEntity,
  PayrollAdjustmentEntity,
  PayrollCodeMappingEntity,
  PayrollMonthEntity,
} from '../app/payroll/payroll.entities';
import { AbsenceEntity } from '../app/people/absence.entity';
import { HrNoteEntity } from '../app/people/hr-note.entity';
import { ManagerSiteEntity } from '../app/people/manager-site.entity';
import { PersonSkillEntity } from '../app/people/person-skill.entity';
import { PersonEntity } from '../app/people/person.entity';
import { SiteLoanEntity } from '../app/people/site-loan.entity';
import { UnavailabilityEntity } from '../app/people/unavailability.entity';
import { PostEntity } from '../app/posts/post.entity';
import { StaffRequestEntity } from '../app/requests/staff-request.entity';
import { AutoFillJobEntity } from '../app/rota/auto-fill/auto-fill-job.entity';
import { CoverageRequirementEntity } from '../app/rota/coverage-requirement.entity';
import { NoticeAgreementEntity } from '../app/rota/notice-agreement.entity';
import { OutreachCampaignEntity } from '../app/rota/outreach-campaign.entity';
import { RotaBatchEntity } from '../app/rota/rota-batch.entity';
import { RotaPublicationEntity } from '../app/rota/rota-publication.entity';
import { ShiftTemplateEntity } from '../app/rota/shift-template.entity';
import { ShiftEntity } from '../app/rota/shift.entity';
import { SiteWeekEntity } from '../app/rota/site-week.entity';
import { TravelTimeEntity } from '../app/rota/travel-time.entity';
import { ShiftSwapEntity } from '../app/swaps/shift-swap.entity';
import {
  CertificateReminderEntity,
  TrainingEnrolmentEntity,
  TrainingModuleEntity,
  TrainingRecordEntity,
  TrainingSessionEntity,
} from '../app/training/training.entities';

/** Every entity, listed once: the app, the migration CLI and the drift test share this list. */
export const ENTITIES = [
  OrganisationEntity,
  OrganisationSettingsEntity,
  SiteEntity,
  LocationEntity,
  PostEntity,
  PayrollMonthEntity,
  PayrollAdjustmentEntity,
  PayrollCodeMappingEntity,
  HoursStatementEntity,
  PersonEntity,
  ManagerSiteEntity,
  AccountEntity,
  SessionEntity,
  AuditEventEntity,
  OneTimeTokenEntity,
  ContractEntity,
  ContractAlertEntity,
  PersonSkillEntity,
  AbsenceEntity,
  HrNoteEntity,
  SiteLoanEntity,
  UnavailabilityEntity,
  StaffRequestEntity,
  ShiftEntity,
  SiteWeekEntity,
  RotaPublicationEntity,
  RotaBatchEntity,
  NoticeAgreementEntity,
  CoverageRequirementEntity,
  OutreachCampaignEntity,
  ShiftTemplateEntity,
  TravelTimeEntity,
  AutoFillJobEntity,
  TrainingModuleEntity,
  TrainingSessionEntity,
  TrainingEnrolmentEntity,
  TrainingRecordEntity,
  CertificateReminderEntity,
  PathwayPlanChangeEntity,
  PathwayPlanEntity,
  PathwayMilestoneEntity,
  PathwayEvidenceEntity,
  PathwayNoteEntity,
  ExitRecordEntity,
  CertificationSessionEntity,
  CertificationBlockTrainingEntity,
  CompetenceAssessmentEntity,
  SelfServiceStateEntity,
  CalendarFeedEntity,
  NotificationEntity,
  ShiftSwapEntity,
  OpenShiftClaimEntity,
  ContractObligationEntity,
  ObligationReminderEntity,
  PartnerEmployerEntity,
  ProfessionalProjectEntity,
  ImmersionEntity,
  JobApplicationEntity,
  CareerActionEntity,
];
