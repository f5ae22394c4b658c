import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldError } from '@relais/api-types';

// class-validator speaks English; users read French. Unknown constraints keep their own text.
const FRENCH: Record<string, (field: string) => string> = {
  whitelistValidation: () => 'champ inconnu, à retirer',
  isDefined: () => 'champ obligatoire',
  isNotEmpty: () => 'ne doit pas être vide',
  isString: () => 'doit être un texte',
  isEmail: () => 'adresse e-mail invalide',
  isBoolean: () => 'doit valoir true ou false',
  isInt: () => 'doit être un nombre entier',
  isNumber: () => 'doit être un nombre',
  isUuid: () => 'identifiant invalide',
  isIn: () => 'valeur non autorisée',
  isEnum: () => 'valeur non autorisée',
  isISO8601: () => 'date invalide (format ISO 8601 attendu)',
  isDateString: () => 'date invalide (format ISO 8601 attendu)',
  minLength: () => 'trop court',
  maxLength: () => 'trop long',
  min: () => 'valeur trop petite',
  max: () => 'valeur trop grande',
  isArray: () => 'doit être une liste',
  isObject: () => 'doit être un objet',
  nestedValidation: () => 'contenu invalide',
};

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    const isMissing =
      error.value === undefined && !('whitelistValidation' in (error.constraints ?? {}));
    const own =
      isMissing && constraints.length
        ? [{ field, message: 'champ obligatoire' }]
        : constraints.map(([key, text]) => ({ field, message: FRENCH[key]?.(field) ?? text }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Global pipe: unknown fields refused, types converted, every problem named by its field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      const message = details
        .map((detail) => `« ${detail.field} » : ${detail.message}`)
        .join(' ; ');
      return new BadRequestException({ message: `Requête invalide — ${message}.`, details });
    },
  });
}
