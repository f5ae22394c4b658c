// The marks the rota screens put beside a shift, a problem or a cell: one place, so that a
// shift reads the same in the week, the day view, the checks panel and the coverage.
// Every mark is a plain text symbol found in the common system fonts (DejaVu, Segoe UI
// Symbol, Apple Symbols): none depends on a colour-emoji font, which Linux desktops often lack.

/** One symbol per activity, shown before the time on a chip (✎ is kept for "modifié"). */
export const ACTIVITY_ICONS: Readonly<Record<string, string>> = {
  accueil: '⌂',
  back_office: '▤',
  permanence: '⚑',
  outreach: '⇄',
  workshop: '✦',
  digital_help: '⌨',
  meeting: '◉',
  training: '◆',
};

/** A problem's severity: blocking, to justify, for information. */
export const SEVERITY_MARKS = { block: '✖', warn: '⚠', info: 'ℹ' } as const;

/** A verdict or a coverage state: fine, to justify (or short), blocked. */
export const STATE_MARKS = { ok: '✓', warn: '⚠', block: '✖' } as const;
