import { isCivilDate } from '@relais/rules';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** A real calendar date written "YYYY-MM-DD" (no time, no offset). */
export function IsCivilDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCivilDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCivilDate(value),
        defaultMessage: () => 'date invalide (format AAAA-MM-JJ attendu)',
      },
    },
    options,
  );
}
