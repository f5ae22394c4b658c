import { HttpErrorResponse } from '@angular/common/http';
import type { PersonSummary, Role, Site } from '@relais/api-types';
import { rateLabel } from './pathway-dashboard.page';
import { percent } from './pathway.store';
import { conflictOf, enrolmentGroups, instantLabel, sessionInstants } from './training.store';

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

describe('enrolment picker', () => {
  const site = (id: string, code: string): Site => ({
    id,
    code,
    name: `Site ${code}`,
    address: '',
    isFranceServices: true,
    openingHours: [],
    sundayDerogation: null,
    locations: [],
  });
  const sites = [site('s', 'S'), site('se', 'SE'), site('e', 'E')];
  const person = (
    lastName: string,
    firstName: string,
    homeSiteId: string | null,
    role: Role | null = 'mediator',
    hasContract = true,
  ): PersonSummary => ({
    id: `${lastName}-${firstName}`,
    firstName,
    lastName,
    email: null,
    jobTitle: null,
    homeSiteId,
    role,
    isAccountActive: true,
    currentContract: hasContract
      ? ({
          id: 'c',
          personId: 'p',
          type: 'CDI',
          start: '2026-01-05',
          end: null,
          weeklyHours: 35,
          status: 'active',
        } as PersonSummary['currentContract'])
      : null,
    endingInDays: null,
    skills: [],
  });
  const people = [
    person('Vasseur', 'Chloé', 's'),
    person('Étienne', 'Marc', 's'),
    person('Durand', 'Inès', 'se'),
    person('Leroy', 'Paul', 'e'),
    person('Rh', 'Agnès', 's', 'hr'),
    person('Direction', 'Jean', 's', 'admin'),
    person('Sans', 'Contrat', 's', 'mediator', false),
    person('Agent', 'Accueil', 's', null),
  ];
  const names = (groups: ReturnType<typeof enrolmentGroups>) =>
    groups.map((group) => [group.site.code, group.people.map((p) => p.lastName)]);

  it('offers the people under contract of the caller’s sites, grouped by site, sorted the French way, never HR or direction', () => {
    expect(names(enrolmentGroups(people, sites, ['s', 'se'], ''))).toEqual([
      ['S', ['Agent', 'Étienne', 'Vasseur']],
      ['SE', ['Durand']],
    ]);
  });

  it('narrows the list by a search that ignores case and accents', () => {
    expect(names(enrolmentGroups(people, sites, ['s', 'se', 'e'], 'etien'))).toEqual([
      ['S', ['Étienne']],
    ]);
    expect(names(enrolmentGroups(people, sites, ['s', 'se', 'e'], 'paul LEROY'))).toEqual([
      ['E', ['Leroy']],
    ]);
  });
});
