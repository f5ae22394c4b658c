import type { AutoFillProposal } from '@relais/api-types';

/** A finished proposal that changes nothing, for specs that need an auto-fill job row. */
export const EMPTY_PROPOSAL: AutoFillProposal = {
  add: [],
  release: [],
  unfilled: [],
  changedPublished: 0,
  violations: [],
  explanation: [{ code: 'no-open-need', underHours: 0 }],
  objective: 0,
  optimal: true,
  seconds: 0,
  secondsToBest: 0,
  modelSeconds: 0,
  hours: [],
};
