import { HttpErrorResponse } from '@angular/common/http';
import { rateLabel } from './pathway-dashboard.page';
import { percent } from './pathway.store';
import { conflictOf, instantLabel, sessionInstants } from './training.store';

describe('training helpers', () => {
  it('sends session times with the Paris offset of that day, winter and summer', () => {
    expect(sessionInstants('2026-12-08', '09:00', '17:00')).toEqual({
      start: '2026-12-08T09:00:00+01:00',
      end: '2026-12-08T17:00:00+01:00',
    });
    expect(sessionInstants('2026-07-08', '09:00', '12:30')).toEqual({
      start: '2026-07-08T09:00:00+02:00',
      end: '2026-07-08T12:30:00+02:00',
    });
  });

  it('shows a session in Paris time', () => {
    expect(instantLabel('2026-12-08T08:00:00Z', '2026-12-08T16:00:00Z')).toEqual({
      date: '08/12/2026',
      time: '09:00–17:00',
    });
  });

  it('reads the shift in the way from a 409, and nothing from other errors', () => {
    const conflict = new HttpErrorResponse({
      status: 409,
      error: {
        message: 'Chevauchement refusé : Abdoulaye Traoré a déjà le créneau accueil…',
        details: [
          {
            field: 'personId',
            shiftId: 's1',
            shiftVersion: 3,
            siteId: 'site-s',
            start: '2026-12-08T13:30:00+01:00',
          },
        ],
      },
    });
    expect(conflictOf(conflict)).toEqual({
      message: 'Chevauchement refusé : Abdoulaye Traoré a déjà le créneau accueil…',
      shiftId: 's1',
      shiftVersion: 3,
      siteId: 'site-s',
      week: '2026-W50',
    });
    expect(conflictOf(new HttpErrorResponse({ status: 422, error: {} }))).toBeNull();
  });

  it('formats rates and progress the French way', () => {
    expect(rateLabel(0.8571)).toBe('85,7 %');
    expect(rateLabel(null)).toBe('—');
    expect(percent(7, 28)).toBe(25);
    expect(percent(3, 0)).toBe(0);
  });
});
