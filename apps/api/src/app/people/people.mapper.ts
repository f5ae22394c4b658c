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

export function contractStatus(
  contract: Pick<ContractEntity, 'startDate' | 'endDate'>,
  today: string,
): ContractStatus {
  if (contract.startDate > today) return 'upcoming';
  return contract.endDate !== null && contract.endDate < today ? 'ended' : 'active';
}

export function toContract(entity: ContractEntity, today: string): Contract {
  return {
    id: entity.id,
    personId: entity.personId,
    type: entity.type,
    start: entity.startDate,
    end: entity.endDate,
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
    status: contractStatus(entity, today),
    warnings: entity.warnings,
    justification: entity.justification,
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
