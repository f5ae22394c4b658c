import type { ContractType } from './contract-type';

/** One day of a France Services site's month: its public hours and what two trained agents held. */
export interface FranceServicesDay {
  /** Civil date, `2026-11-03`. */
  date: string;
  /** Public opening minutes of the day (0 on a closed day). */
  openingMinutes: number;
  /** Minutes of those held by at least the required number of trained agents at the desk. */
  coveredMinutes: number;
  /** Why the site is closed although its hours open it that weekday (« jour férié (Armistice) »). */
  closedLabel: string | null;
  /** The day's week is published: its shifts count. */
  isPublished: boolean;
}

/** A stretch of public opening held by fewer trained agents than required. */
export interface FranceServicesGap {
  date: string;
  /** Wall-clock times in the organisation's zone, `14:00`. */
  start: string;
  end: string;
  /** Trained France Services agents present at the desk during the stretch. */
  trainedAgents: number;
}

/** One ISO week touching the month, judged whole against the label's minimum. */
export interface FranceServicesWeek {
  /** `2026-W45`. */
  week: string;
  openingMinutes: number;
  coveredMinutes: number;
  /** Days with some opening held by enough trained agents. */
  coveredDays: number;
  isPublished: boolean;
  /** Covered at least the label's weekly minimum over its number of days (24 h over 5 days). */
  meetsMinimum: boolean;
}

/** Answer of `GET /api/reports/france-services?siteId=…&month=YYYY-MM`. */
export interface FranceServicesReport {
  siteId: string;
  siteName: string;
  isFranceServices: boolean;
  month: string;
  /** The label's figures used: trained agents required, weekly minutes, days a week. */
  requiredTrainedAgents: number;
  minimumWeeklyMinutes: number;
  minimumDays: number;
  /** The public hours themselves fall short of the label (French sentence), or null. */
  openingShortfall: string | null;
  openingMinutes: number;
  coveredMinutes: number;
  days: FranceServicesDay[];
  gaps: FranceServicesGap[];
  weeks: FranceServicesWeek[];
  /** Weeks of the month not published: their shifts are not counted. */
  unpublishedWeeks: string[];
}

/** Answer row of `GET /api/reports/subsidised?month=YYYY-MM`: one PEC or adulte-relais contract. */
export interface SubsidisedContractRow {
  contractId: string;
  personId: string;
  personName: string;
  type: Extract<ContractType, 'PEC' | 'ADULTE_RELAIS'>;
  start: string;
  end: string | null;
  weeklyHours: number;
  postTitle: string | null;
  siteName: string | null;
  conventionNumber: string | null;
  conventionEnd: string | null;
  tutorName: string | null;
  /** The contract's hours over its days in the month (weekly hours × days ÷ 7), in minutes. */
  contractMinutes: number;
  /** Effective minutes (breaks deducted) of the person's shifts in published weeks, training aside. */
  workedMinutes: number;
  /** Minutes of training attended in the month (present or validated). */
  trainingMinutes: number;
  /** What the funder asks for, in French, one sentence each. */
  requirements: string[];
  /** What falls short of it this month, in French; empty when nothing. */
  issues: string[];
}

export interface SubsidisedReport {
  month: string;
  rows: SubsidisedContractRow[];
  /** Weeks of the month with a site not published, « S : semaine 45 »: their shifts are left out. */
  unpublishedWeeks: string[];
}

export const CONTRAT_PRO_STATUSES = ['reached', 'on_track', 'behind', 'over'] as const;
/** One of {@link CONTRAT_PRO_STATUSES}. */
export type ContratProStatus = (typeof CONTRAT_PRO_STATUSES)[number];

/** French words of a contrat pro's training status. */
export const CONTRAT_PRO_STATUS_LABELS: Readonly<Record<ContratProStatus, string>> = {
  reached: 'Objectif atteint',
  on_track: 'Dans les temps',
  behind: 'En retard',
  over: 'Au-delà du maximum',
};

/** One contrat de professionnalisation in force in the month. */
export interface ContratProRow {
  contractId: string;
  personId: string;
  personName: string;
  start: string;
  end: string | null;
  weeklyHours: number;
  tutorName: string | null;
  /** Training planned by the contract (hours), or null. */
  plannedTrainingHours: number | null;
  monthMinutes: number;
  /** Attended since the contract's start, up to the month's end. */
  cumulatedMinutes: number;
  /** Training the law asks over the whole contract: 15 % of its hours and 150 h at least. */
  requiredMinutes: number;
  /** 25 % of the contract's hours. */
  maximumMinutes: number;
  /** What should be done by the month's end, prorata of the contract's days gone. */
  expectedByNowMinutes: number;
  /** Share of the contract's hours in training so far, in percent (one decimal). */
  ratioPercent: number;
  status: ContratProStatus;
  /** The status in a French sentence. */
  statusMessage: string;
}

export interface ContratProReport {
  month: string;
  rows: ContratProRow[];
}
