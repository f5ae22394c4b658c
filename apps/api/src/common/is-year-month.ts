import { ValidateBy, ValidationOptions } from 'class-validator';
import { isYearInRange, OUT_OF_RANGE } from './date-range';

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A month written "YYYY-MM" ("2026-11") of the admitted years. */
export function IsYearMonth(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isYearMonth',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && YEAR_MONTH.test(value) && isYearInRange(value),
        defaultMessage: (args) =>
          typeof args?.value === 'string' && YEAR_MONTH.test(args.value)
            ? `mois ${OUT_OF_RANGE}`
            : 'mois invalide (format AAAA-MM attendu)',
      },
    },
    options,
  );
}
