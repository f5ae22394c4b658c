import { isIsoWeek } from '@relais/rules';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { isYearInRange, OUT_OF_RANGE } from './date-range';

/** An ISO week "2026-W49" of the admitted years. */
export function IsIsoWeek(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoWeek',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && isIsoWeek(value) && isYearInRange(value),
        defaultMessage: (args) =>
          typeof args?.value === 'string' && isIsoWeek(args.value)
            ? `semaine ${OUT_OF_RANGE}`
            : 'semaine invalide (format 2026-W49 attendu)',
      },
    },
    options,
  );
}
