import type { Role } from '../lib/auth';
import type {
  AbsenceKind,
  ContractStatus,
  RequestKind,
  RequestStatus,
  SkillCode,
} from '../lib/people';

/** French names of roles (epicene where the trade has two words). */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: 'Direction',
  hr: 'RH',
  manager: 'Responsable de site',
  mediator: 'Médiateur ou médiatrice',
};

export const SKILL_LABELS: Readonly<Record<SkillCode, string>> = {
  france_services_initial: 'Formation initiale France Services',
  aidants_connect: 'Aidants Connect',
  sst: 'SST',
  language: 'Langue',
};

/** What managers and HR see; colleagues only ever see "Absence". */
export const ABSENCE_KIND_LABELS: Readonly<Record<AbsenceKind, string>> = {
  leave: 'Congé',
  sickness: 'Arrêt maladie',
  training: 'Formation',
  other: 'Absence',
};

export const REQUEST_KIND_LABELS: Readonly<Record<RequestKind, string>> = {
  leave: 'Congé',
  unavailability: 'Indisponibilité',
};

export const REQUEST_STATUS_LABELS: Readonly<Record<RequestStatus, string>> = {
  pending: 'en attente',
  approved: 'approuvée',
  refused: 'refusée',
};

export const CONTRACT_STATUS_LABELS: Readonly<Record<ContractStatus, string>> = {
  upcoming: 'à venir',
  active: 'en cours',
  ended: 'terminé',
};
