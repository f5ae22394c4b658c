import type { PENDING_FR } from './pending.i18n.fr';

export const PENDING_EN: typeof PENDING_FR = {
  title: 'To decide',
  intro:
    'Leave requests, swaps and availabilities for the open shifts of your sites. The rules’ result is shown before each decision.',
  loading: 'Loading the decisions to take…',
  error: 'The decisions to take could not be loaded.',
  retry: 'Try again',
  count: '{{ count }} decision(s) to take',
  claims: 'Open shifts',
  swaps: 'Swaps',
  requests: 'Leave and unavailability',
  none: 'Nothing to decide.',
  claimTitle: '{{ name }} is available',
  inExchange: 'In exchange for the shift of {{ name }}: {{ when }}',
  message: 'Message: {{ text }}',
  clear: 'No blocking check if you approve.',
  blocked: 'Approving would create {{ count }} blocking check(s):',
  reply: 'Reason or reply (optional)',
  approve: 'Approve',
  refuse: 'Refuse',
  approvedDone: 'Approved: {{ what }}.',
  refusedDone: 'Refused: {{ what }}.',
  failed: 'The decision was not saved. Try again.',
};
