import type { OPEN_SHIFTS_FR } from './open-shifts.i18n.fr';

export const OPEN_SHIFTS_EN: typeof OPEN_SHIFTS_FR = {
  title: 'Open shifts',
  intro:
    'Open shifts of your site you may take within the working-time rules. Say you are available: your manager decides.',
  loading: 'Loading open shifts…',
  error: 'The open shifts could not be loaded.',
  retry: 'Try again',
  available: 'Open',
  empty: 'No open shift you may take for now.',
  note: 'Note: {{ text }}',
  claim: 'I am available',
  sent: 'Availability sent, waiting for a decision',
  withdraw: 'Withdraw my availability',
  claimed: 'Availability sent for the shift on {{ when }}.',
  withdrawn: 'Availability withdrawn.',
  failed: 'Sending failed. Try again.',
  mine: 'My availabilities',
  noClaim: 'You have not offered to take any shift yet.',
  reply: 'Reply: {{ text }}',
  statuses: {
    pending: 'Waiting for a decision',
    approved: 'Accepted: the shift is yours',
    refused: 'Not taken',
    withdrawn: 'Withdrawn',
    closed: 'Closed',
  },
};
