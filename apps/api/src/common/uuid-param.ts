import { BadRequestException, Param, ParseUUIDPipe } from '@nestjs/common';

/** A route parameter that must be a UUID; anything else is a 400 naming the parameter. */
export function UuidParam(name: string): ParameterDecorator {
  return Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new BadRequestException({
          message: `Requête invalide — « ${name} » : identifiant invalide.`,
          details: [{ field: name, message: 'identifiant invalide' }],
        }),
    }),
  );
}
