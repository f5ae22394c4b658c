import { homeFor, navFor } from './navigation';

describe('navFor', () => {
  it('shows each role the screens it may use, the API documentation to the director only', () => {
    const staff = ['/sites', '/personnes', '/contrats/echeances', '/planning', '/demandes'];
    const hr = [
      ...staff,
      '/formation',
      '/parcours',
      '/financeurs',
      '/echanges',
      '/a-decider',
      '/paie',
    ];
    expect(navFor('admin').map((item) => item.link)).toEqual([...hr, '/parametres', '/api/docs']);
    expect(navFor('hr').map((item) => item.link)).toEqual(hr);
    expect(navFor('manager').map((item) => item.link)).toEqual([
      ...staff,
      '/formation',
      '/echanges',
      '/a-decider',
    ]);
    expect(navFor('mediator').map((item) => item.link)).toEqual([
      '/sites',
      '/planning',
      '/demandes',
      '/mon-parcours',
      '/ma-semaine',
      '/echanges',
      '/creneaux-disponibles',
      '/mes-releves',
    ]);
  });

  it('shows nothing when signed out', () => {
    expect(navFor(null)).toEqual([]);
  });
});

describe('homeFor', () => {
  it('lands a mediator on their week and the office roles on the sites', () => {
    expect(homeFor('mediator')).toBe('/ma-semaine');
    expect(homeFor('manager')).toBe('/sites');
    expect(homeFor('hr')).toBe('/sites');
    expect(homeFor(null)).toBe('/sites');
  });
});
