import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { convertToParamMap } from '@angular/router';
import { skillView } from './people.format';
import { filtersFromParams, NO_FILTERS, PeopleStore, toQueryString } from './people.store';

describe('people filters', () => {
  it('turns URL parameters into an API query, in a fixed order, defaults left out', () => {
    const filters = filtersFromParams(
      convertToParamMap({
        status: 'all',
        missingSkill: 'sst',
        endingWithinDays: '60',
        contractType: 'PEC',
        role: 'mediator',
        siteId: 'site-1',
        q: ' étienne ',
      }),
    );
    expect(toQueryString(filters)).toBe(
      'q=%C3%A9tienne&siteId=site-1&role=mediator&contractType=PEC&endingWithinDays=60&missingSkill=sst&status=all',
    );
    expect(toQueryString(NO_FILTERS)).toBe('');
  });

  it('drops values the API would refuse', () => {
    const filters = filtersFromParams(
      convertToParamMap({
        contractType: 'CDU',
        endingWithinDays: '45',
        status: 'gone',
        role: 'boss',
        q: '  ',
      }),
    );
    expect(filters).toEqual(NO_FILTERS);
  });
});

describe('PeopleStore', () => {
  it('asks the API for the filtered list and keeps only the latest answer', async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const store = TestBed.inject(PeopleStore);
    const http = TestBed.inject(HttpTestingController);
    const first = store.load({ ...NO_FILTERS, contractType: 'CDD' });
    const second = store.load({ ...NO_FILTERS, endingWithinDays: 30 });
    expect(store.isLoading()).toBe(true);
    http.expectOne('/api/people?endingWithinDays=30').flush([
      {
        id: 'p2',
        firstName: 'Awa',
        lastName: 'Diallo',
        email: null,
        jobTitle: 'Médiatrice',
        homeSiteId: null,
        role: 'mediator',
        isAccountActive: true,
        currentContract: null,
        endingInDays: 28,
        skills: [],
      },
    ]);
    http.expectOne('/api/people?contractType=CDD').flush([]);
    await Promise.all([first, second]);
    expect(store.rows().map((row) => row.name)).toEqual(['Awa Diallo']);
    http.verify();
  });
});

describe('skillView', () => {
  const skill = {
    id: 's',
    personId: 'p',
    skill: 'sst' as const,
    detail: null,
    acquiredOn: '2025-01-01',
  };

  it('says when a skill is valid, expiring within 60 days or expired', () => {
    expect(skillView({ ...skill, expiresOn: '2027-05-12' }, '2026-11-27')).toMatchObject({
      state: 'valid',
      expiresOn: '12/05/2027',
    });
    expect(skillView({ ...skill, expiresOn: '2027-01-11' }, '2026-11-27')).toMatchObject({
      state: 'expiring',
      daysLeft: 45,
    });
    expect(skillView({ ...skill, expiresOn: '2026-11-26' }, '2026-11-27').state).toBe('expired');
    expect(skillView({ ...skill, expiresOn: null }, '2026-11-27').state).toBe('valid');
  });
});
