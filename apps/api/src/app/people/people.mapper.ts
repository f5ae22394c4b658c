import type {
  Absence,
  Contract,
  ContractStatus,
  PersonSkill,
  Unavailability,
} from '@relais/api-types';
import { ContractEntity } from '../contracts/contract.entity';
import { AbsenceEntity } from './absence.entity';
import { PersonSkillEntity } from './person-skill.entity';
import { UnavailabilityEntity } from './unavailability.entity';

/** The one place a contract's state is decided, from the organisation's today. */
export function contractStatus(
  contract: Pick<ContractEntity, 'startDate' | 'endDate'>,
  today: string,
): ContractStatus {
  if (contract.startDate > today) return 'upcoming';
  return contract.endDate !== null && contract.endDate < today ? 'ended' : 'active';
}

/** A contract as read; its hourly cost only for those who may see pay (`canSeePay`). */
export function toContract(entity: ContractEntity, today: string, canSeePay: boolean): Contract {
  return {
    id: entity.id,
    personId: entity.personId,
    type: entity.type,
    start: entity.startDate,
    end: entity.endDate,
    minimumEnd: entity.minimumEndDate,
    weeklyHours: entity.weeklyHours,
    reason: entity.reason,
    renewalOf: entity.renewalOf,
    tutorId: entity.tutorId,
    partTimeDerogation: entity.partTimeDerogation,
    derogationRequestedOn: entity.derogationRequestedOn,
    trainingHours: entity.trainingHours,
    conventionNumber: entity.conventionNumber,
    conventionStart: entity.conventionStart,
    conventionEnd: entity.conventionEnd,
    isNightWorker: entity.isNightWorker,
    cycleWeeks: entity.cycleWeeks,
    hasReducedInitialTerm: entity.hasReducedInitialTerm,
    trainingExtension:
      entity.trainingExtensionAction !== null && entity.trainingExtensionEnd !== null
        ? { action: entity.trainingExtensionAction, end: entity.trainingExtensionEnd }
        : null,
    postId: entity.postId,
    replacedPersonId: entity.replacedPersonId,
    renewalRefusedOn: entity.renewalRefusedOn,
    status: contractStatus(entity, today),
    endReason: entity.endReason,
    plannedEnd: entity.endReason ? entity.plannedEndDate : null,
    warnings: entity.warnings,
    justification: entity.justification,
    ...(canSeePay
      ? { hourlyCost: entity.hourlyCostCents === null ? null : entity.hourlyCostCents / 100 }
      : {}),
  };
}

export function toSkill(entity: PersonSkillEntity): PersonSkill {
  return {
    id: entity.id,
    personId: entity.personId,
    skill: entity.skill,
    detail: entity.detail,
    acquiredOn: entity.acquiredOn,
    expiresOn: entity.expiresOn,
  };
}

/** Colleagues see only that the person is absent: neither the kind nor the reason. */
export function toAbsence(entity: AbsenceEntity, canSeeDetail: boolean): Absence {
  return {
    id: entity.id,
    personId: entity.personId,
    kind: canSeeDetail ? entity.kind : null,
    start: entity.startDate,
    end: entity.endDate,
    reason: canSeeDetail ? entity.reason : null,
  };
}

export function toUnavailability(entity: UnavailabilityEntity): Unavailability {
  return {
    id: entity.id,
    personId: entity.personId,
    weekday: entity.weekday,
    startTime: entity.startTime,
    endTime: entity.endTime,
    from: entity.fromDate,
    until: entity.untilDate,
  };
}
