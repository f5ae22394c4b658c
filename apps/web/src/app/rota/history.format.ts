import type { RotaChange, RotaChangeShift, RotaDiffItem, RotaDiffShift } from '@relais/api-types';
import { ORGANISATION_TIME_ZONE } from '../core/time';

/** Translates a key under `rota.` with its parameters. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;
export type Lang = 'fr' | 'en';

const LOCALES = { fr: 'fr-FR', en: 'en-GB' } as const;
const DAY: Partial<Record<Lang, Intl.DateTimeFormat>> = {};
const CLOCK = new Intl.DateTimeFormat('fr-FR', {
  timeZone: ORGANISATION_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** « mer. 09/12 » (fr) or « Wed 09/12 » (en), in Paris time. */
export function dayLabel(iso: string, lang: Lang): string {
  const format = (DAY[lang] ??= new Intl.DateTimeFormat(LOCALES[lang], {
    timeZone: ORGANISATION_TIME_ZONE,
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
  }));
  return format.format(new Date(iso)).replace(',', '');
}

/** « 09:00 », 24-hour clock, Paris time. */
export function clock(iso: string): string {
  return CLOCK.format(new Date(iso));
}

/** « 09:00–12:30 ». */
export function timeRange(start: string, end: string): string {
  return `${clock(start)}–${clock(end)}`;
}

/** « mar. 08/12 14:02 ». */
export function stamp(iso: string, lang: Lang): string {
  return `${dayLabel(iso, lang)} ${clock(iso)}`;
}

type AnyShift = Pick<RotaChangeShift, 'start' | 'end'> & {
  activity: RotaChangeShift['activity'];
};

function activityOf(shift: AnyShift | null, t: Translate): string | null {
  return shift?.activity ? t(`activities.${shift.activity}`) : null;
}

/** « Accueil, mer. 09/12 09:00–12:30 » with what is known of the shift. */
function whatOf(shift: AnyShift | null, t: Translate, lang: Lang, withTimes = true): string {
  const parts = [activityOf(shift, t)];
  if (shift?.start) {
    parts.push(
      withTimes && shift.end
        ? `${dayLabel(shift.start, lang)} ${timeRange(shift.start, shift.end)}`
        : dayLabel(shift.start, lang),
    );
  }
  return parts.filter((part) => part).join(', ');
}

function whose(shift: RotaChangeShift | null, t: Translate): string {
  if (!shift) return t('history.aShift');
  if (shift.isOpen) return t('history.openShift');
  return shift.personName ? t('history.shiftOf', { name: shift.personName }) : t('history.aShift');
}

function sameDay(a: string, b: string): boolean {
  return dayLabel(a, 'fr') === dayLabel(b, 'fr');
}

function weekNumber(week: string | null): number | null {
  const match = /-W(\d{2})$/.exec(week ?? '');
  return match ? Number(match[1]) : null;
}

/** The sentence of a history line after its author: « a déplacé le créneau de … ». */
export function describeChange(change: RotaChange, t: Translate, lang: Lang): string {
  const before = change.before;
  const after = change.after;
  const someone = t('history.aPerson');
  const name = (value: string | null) => value ?? someone;
  const shift = after ?? before;
  let text: string;
  switch (change.kind) {
    case 'created':
      text = t('history.created', { shift: whose(after, t), what: whatOf(after, t, lang) });
      break;
    case 'deleted':
      text = before
        ? t('history.deleted', { shift: whose(before, t), what: whatOf(before, t, lang) })
        : t('history.deletedUnknown');
      break;
    case 'moved': {
      const from = before?.start && before.end ? before : null;
      const to = after?.start && after.end ? after : null;
      if (from?.start && from.end && to?.start && to.end && sameDay(from.start, to.start)) {
        text = t('history.movedTimes', {
          shift: whose(after, t),
          what: whatOf(to, t, lang, false),
          from: timeRange(from.start, from.end),
          to: timeRange(to.start, to.end),
        });
      } else {
        text = t('history.movedDay', {
          shift: whose(after ?? before, t),
          what: activityOf(shift, t) ?? '',
          from: whatOf(from ? { ...from, activity: null } : null, t, lang),
          to: whatOf(to ? { ...to, activity: null } : null, t, lang),
        });
      }
      break;
    }
    case 'moved_out':
      text = t('history.movedOut', { shift: whose(before, t), what: whatOf(before, t, lang) });
      break;
    case 'assigned':
      text = t('history.assigned', {
        what: whatOf(after, t, lang),
        name: name(after?.personName ?? null),
      });
      break;
    case 'unassigned':
      text = t('history.unassigned', {
        name: name(before?.personName ?? null),
        what: whatOf(after ?? before, t, lang),
      });
      break;
    case 'reassigned':
      text = t('history.reassigned', {
        from: name(before?.personName ?? null),
        to: name(after?.personName ?? null),
        what: whatOf(after ?? before, t, lang),
      });
      break;
    case 'changed':
      if (before?.activity && after?.activity && before.activity !== after.activity) {
        text = t('history.changedActivity', {
          shift: whose(after, t),
          what: whatOf({ ...after, activity: null }, t, lang),
          from: activityOf(before, t),
          to: activityOf(after, t),
        });
      } else if (
        before?.locationName &&
        after?.locationName &&
        before.locationName !== after.locationName
      ) {
        text = t('history.changedPlace', {
          shift: whose(after, t),
          what: whatOf(after, t, lang),
          from: before.locationName,
          to: after.locationName,
        });
      } else {
        text = t('history.changed', { shift: whose(shift, t), what: whatOf(shift, t, lang) });
      }
      break;
    case 'published':
      text = t(
        change.via === 'swap'
          ? 'history.publishedAfterSwap'
          : change.via === 'claim'
            ? 'history.publishedAfterClaim'
            : 'history.published',
        { version: change.version ?? '?' },
      );
      break;
    case 'copied': {
      const n = weekNumber(change.fromWeek);
      text = n
        ? t('history.copied', { n, count: change.count })
        : t('history.copiedUnknown', { count: change.count });
      break;
    }
    case 'templates':
      text = t('history.templates', { count: change.count });
      break;
    case 'bulk_deleted':
      text = t('history.bulkDeleted', { count: change.count });
      break;
    case 'bulk_moved':
      text = t('history.bulkMoved', { count: change.count });
      break;
    case 'auto_filled':
      text = t('history.autoFilled', { count: change.count });
      break;
    case 'undone':
      text = change.label
        ? t('history.undone', { label: change.label })
        : t('history.undoneUnknown', { count: change.count ?? 0 });
      break;
    case 'claim_requested':
      text = t('history.claimRequested', { what: whatOf(after, t, lang) });
      break;
    case 'claim_withdrawn':
      text = t('history.claimWithdrawn', { what: whatOf(after, t, lang) });
      break;
    case 'claim_refused':
      text = t('history.claimRefused', {
        name: name(change.personName),
        what: whatOf(after, t, lang),
      });
      break;
    case 'claim_approved':
      text = t('history.claimApproved', {
        name: name(change.personName),
        what: whatOf(after, t, lang),
      });
      break;
    case 'claim_closed':
      text = t('history.claimClosed', {
        name: name(change.personName),
        what: whatOf(after, t, lang),
      });
      break;
    case 'swap_offered':
      text = t('history.swapOffered', {
        shift: change.personName
          ? t('history.shiftOf', { name: change.personName })
          : t('history.aShift'),
        what: whatOf(after, t, lang),
        to: name(change.otherPersonName),
      });
      break;
    case 'swap_accepted':
    case 'swap_cancelled':
    case 'swap_refused':
    case 'swap_approved': {
      const key = {
        swap_accepted: 'history.swapAccepted',
        swap_cancelled: 'history.swapCancelled',
        swap_refused: 'history.swapRefused',
        swap_approved: 'history.swapApproved',
      }[change.kind];
      text = t(key, {
        from: name(change.personName),
        to: name(change.otherPersonName),
        what: whatOf(after, t, lang),
      });
      break;
    }
    case 'notice_agreed':
      text = t('history.noticeAgreed', { name: name(change.personName), count: change.count ?? 0 });
      break;
    default:
      text = t('history.other');
  }
  // An old event may not know the shift: no empty brackets.
  text = text.replace(/ \(\)/g, '');
  return change.via === 'fix' ? `${text} ${t('history.viaFix')}` : text;
}

/** A difference in words: « Déplacé : mer. 09/12 09:00–12:30 → 10:00–13:30 (Accueil) ». */
export function describeDiffItem(item: RotaDiffItem, t: Translate, lang: Lang): string {
  const full = (shift: RotaDiffShift) =>
    [
      `${dayLabel(shift.start, lang)} ${timeRange(shift.start, shift.end)}`,
      activityOf(shift, t),
      shift.locationName,
    ]
      .filter((part) => part)
      .join(', ');
  let text: string;
  if (item.kind === 'moved' && item.before && item.after) {
    const to = sameDay(item.before.start, item.after.start)
      ? timeRange(item.after.start, item.after.end)
      : `${dayLabel(item.after.start, lang)} ${timeRange(item.after.start, item.after.end)}`;
    const from = `${dayLabel(item.before.start, lang)} ${timeRange(item.before.start, item.before.end)}`;
    const where = [activityOf(item.after, t), item.after.locationName].filter((p) => p).join(', ');
    text = `${t('diff.moved', { from, to })}${where ? ` (${where})` : ''}`;
  } else if (item.kind === 'added' && item.after) {
    text = t('diff.added', { what: full(item.after) });
  } else if (item.before) {
    text = t('diff.removed', { what: full(item.before) });
  } else {
    return '';
  }
  const other =
    item.kind === 'added'
      ? item.isOtherOpen
        ? t('diff.fromOpen')
        : item.otherPersonName
          ? t('diff.fromPerson', { name: item.otherPersonName })
          : null
      : item.kind === 'removed'
        ? item.isOtherOpen
          ? t('diff.toOpen')
          : item.otherPersonName
            ? t('diff.toPerson', { name: item.otherPersonName })
            : null
        : null;
  return other ? `${text} — ${other}` : text;
}
