import type { PLANNER_FR } from './planner.i18n.fr';

/** English texts of the planner's bulk actions, candidates, fixes and history. */
export const PLANNER_EN: typeof PLANNER_FR = {
  bulk: {
    title: {
      copy: 'Copy the previous week into week {{ n }}',
      templates: 'Apply the templates to week {{ n }}',
    },
    summary:
      'To add: {{ add }} (of which {{ open }} open) · skipped: {{ skip }}. Nothing is saved yet.',
    added: 'To add ({{ count }})',
    skipped: 'Skipped ({{ count }})',
    nothing: 'Nothing to add: everything is already in the week or falls on a closed day.',
    apply: 'Add {{ count }} shift(s)',
    done: '{{ created }} shift(s) added ({{ open }} open), {{ skipped }} skipped. “Undo” removes them at once.',
    nothingDone: 'Nothing added: everything was already there.',
    undone: 'Undone: “{{ label }}”.',
  },
  candidates: {
    title: 'Who can take this shift?',
    intro: '{{ count }} person(s) can take it without a new blocking problem, best first:',
    none: 'Nobody can take it without a blocking problem this week: change its hours or borrow someone from another site.',
    assign: 'Assign',
    assignTo: 'Assign to {{ name }}',
    assigned: '{{ slot }} assigned to {{ name }}.',
    reinforce: 'Who can reinforce the desk?',
    open: 'Who can take it?',
  },
  fixes: {
    title: 'Fixes',
    apply: 'Apply',
    applyLabel: 'Apply: {{ label }}',
    applied: 'Fix applied: {{ label }}.',
    loading: 'Looking for fixes…',
    none: 'No automatic fix without another blocking problem: fix it by hand.',
  },
  publish: {
    required:
      'A justification is required: explain why these points are accepted before publishing.',
  },
};
