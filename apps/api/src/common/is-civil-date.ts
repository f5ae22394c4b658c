import { isCivilDate } from '@relais/rules';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { isYearInRange, MAX_YEAR, OUT_OF_RANGE } from './date-range';

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

/** A birth date: a real calendar date "YYYY-MM-DD" from 1900 on (its future is checked apart). */
export function IsBirthDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isBirthDate',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          isCivilDate(value) &&
          value >= '1900-01-01' &&
          Number(value.slice(0, 4)) <= MAX_YEAR,
        defaultMessage: () => 'date de naissance invalide (AAAA-MM-JJ, de 1900 à aujourd’hui)',
      },
    },
    options,
  );
}
