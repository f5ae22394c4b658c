import { navFor } from './navigation';

describe('navFor', () => {
  it('shows the API documentation to the director only', () => {
    expect(navFor('admin').map((item) => item.link)).toEqual(['/sites', '/api/docs']);
    expect(navFor('hr').map((item) => item.link)).toEqual(['/sites']);
    expect(navFor('mediator').map((item) => item.link)).toEqual(['/sites']);
  });

  it('shows nothing when signed out', () => {
    expect(navFor(null)).toEqual([]);
  });
});
