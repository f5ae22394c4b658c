import { QueryFailedError } from 'typeorm';

/** PostgreSQL's `exclusion_violation`: two overlapping work items of one person (or contracts). */
export function isExclusionViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23P01'
  );
}
