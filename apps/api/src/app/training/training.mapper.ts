import type { TrainingSession } from '@relais/api-types';
import { toZonedIso } from '../../common/instant';

export interface SessionRow {
  id: string;
  module_id: string;
  code: string;
  title: string;
  site_id: string;
  location_id: string;
  start_at: Date;
  end_at: Date;
  break_minutes: number;
  place: string | null;
  trainer: string | null;
  capacity: number;
  enrolled: number;
}

export const SESSION_SELECT = `SELECT s.id, s.module_id, m.code, m.title, s.site_id, s.location_id, s.start_at, s.end_at, s.break_minutes,
  s.place, s.trainer, s.capacity, (SELECT count(*)::int FROM training_enrolment e WHERE e.session_id = s.id) AS enrolled
  FROM training_session s JOIN training_module m ON m.id = s.module_id`;

export function toSession(row: SessionRow): TrainingSession {
  return {
    id: row.id,
    moduleId: row.module_id,
    moduleCode: row.code,
    moduleTitle: row.title,
    siteId: row.site_id,
    locationId: row.location_id,
    start: toZonedIso(row.start_at),
    end: toZonedIso(row.end_at),
    breakMinutes: row.break_minutes,
    place: row.place,
    trainer: row.trainer,
    capacity: row.capacity,
    enrolled: row.enrolled,
  };
}
