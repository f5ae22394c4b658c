export { PART_TIME_DEROGATIONS, PART_TIME_DEROGATION_LABELS } from './lib/contract-input';
export type {
  ContractCheckInput,
  ContractDraft,
  ContractLimit,
  ContractPerson,
  PartTimeDerogation,
} from './lib/contract-input';
export {
  ageOn,
  checkContract,
  contractEndingReminder,
  contractLimits,
  openingWeekdaysOf,
  proTrainingBounds,
  renewalChain,
  termEnd,
} from './lib/contract-rules';
export * from './lib/durations';
export * from './lib/exit-category';
export * from './lib/french-format';
export * from './lib/funder-reports';
export * from './lib/immersion';
export * from './lib/obligations';
export {
  franceServicesOpeningShortfall,
  openingHoursIssues,
  openingHoursTotals,
} from './lib/opening-hours';
export type { OpeningHoursIssue } from './lib/opening-hours';
export * from './lib/organisation-settings';
export * from './lib/paid-leave';
export {
  HOURS_REVIEW_PERIOD_WEEKS,
  absenceInterval,
  expectedWeekMinutes,
  workingDaysBetween,
} from './lib/part-time-rules';
export * from './lib/pathway';
export * from './lib/payroll-month';
export { checkPersonCompliance } from './lib/person-compliance';
export { ABSENCE_KINDS, SCHEDULE_CHANGE_KINDS } from './lib/person-input';
export type {
  Absence,
  AbsenceKind,
  ContractPeriod,
  EvaluationWindow,
  PersonComplianceInput,
  PersonSkill,
  ScheduleChange,
  ScheduleChangeKind,
  WorkHistory,
  WorkItem,
} from './lib/person-input';
export * from './lib/planner-fixes';
export { weeklyPremiums } from './lib/premiums';
export * from './lib/public-holidays';
export {
  checkRotaPerson,
  checkRotaWeek,
  checkRotaWeekPerson,
  checkRotaWeekSite,
  coverageCells,
  shiftToWorkItem,
} from './lib/rota-compliance';
export type { RotaComplianceInput } from './lib/rota-compliance';
export * from './lib/rule-catalogue';
export * from './lib/rule-settings';
export { closedDayOf } from './lib/site-calendar';
export type { ClosedDay } from './lib/site-calendar';
export type {
  CoverageRequirement,
  OpeningSlot,
  SiteLocation,
  SitePerson,
  SiteWeekInput,
} from './lib/site-input';
export { checkSiteWeek } from './lib/site-rules';
export { certificateLabel, hasValidSkill, skillLabel } from './lib/skills';
export { makeViolation, mergeViolations } from './lib/violation-builder';
export {
  buildTimeline,
  nightMinutesOfItem,
  travelMinutes,
  workMinutesByDay,
  workMinutesByWeek,
} from './lib/work-timeline';
export type { TimedItem, TravelLeg, WorkSegment, WorkTimeline } from './lib/work-timeline';
export * from './lib/zoned-time';
