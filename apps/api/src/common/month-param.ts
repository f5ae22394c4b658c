import { BadRequestException, Param, type PipeTransform } from '@nestjs/common';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

class MonthPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (MONTH.test(value)) return value;
    throw new BadRequestException({
      message: `Requête invalide — « ${this.name} » : mois attendu au format AAAA-MM (par exemple 2026-11).`,
      details: [{ field: this.name, message: 'mois attendu au format AAAA-MM' }],
    });
  }
}

/** A route parameter that must be a month (`2026-11`); anything else is a 400 naming it. */
export function MonthParam(name: string): ParameterDecorator {
  return Param(name, new MonthPipe(name));
}
