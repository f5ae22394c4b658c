import { isCivilDate } from '@relais/rules';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { isYearInRange, OUT_OF_RANGE } from './date-range';

/** A real calendar date written "YYYY-MM-DD" (no time, no offset), within the admitted years. */
export function IsCivilDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCivilDate',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && isCivilDate(value) && isYearInRange(value),
        defaultMessage: (args) =>
          typeof args?.value === 'string' && isCivilDate(args.value)
            ? `date ${OUT_OF_RANGE}`
            : 'date invalide (format AAAA-MM-JJ attendu)',
      },
    },
    options,
  );
}
