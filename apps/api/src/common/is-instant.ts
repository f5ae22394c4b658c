import { IsISO8601, Matches, ValidateBy } from 'class-validator';
import { isYearInRange, OUT_OF_RANGE } from './date-range';

// Instants must carry their offset: "2026-12-01T09:00:00+01:00" (a bare local time is ambiguous).
const WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;
const INSTANT_MESSAGE =
  'date et heure invalides (ISO 8601 avec décalage, ex. 2026-12-01T09:00:00+01:00)';

/** An ISO 8601 instant with its offset, within the admitted years, refused in French. */
export function IsInstant(): PropertyDecorator {
  return (target, key) => {
    // Same order as stacking `@Matches` above `@IsISO8601`: the ISO check is read first, the
    // range last (it speaks of a value already read as an instant).
    IsISO8601({ strict: true }, { message: INSTANT_MESSAGE })(target, key);
    Matches(WITH_OFFSET, { message: INSTANT_MESSAGE })(target, key);
    ValidateBy({
      name: 'isInstantInRange',
      validator: {
        // Not a string: the checks above name the problem.
        validate: (value: unknown) => typeof value !== 'string' || isYearInRange(value),
        defaultMessage: () => `date et heure ${OUT_OF_RANGE}`,
      },
    })(target, key);
  };
}
