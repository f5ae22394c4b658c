import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { PartnerEmployer } from '@relais/api-types';
import { provideI18n } from '../../core/i18n/i18n';
import { PartnerEmployersComponent } from './partner-employers.component';

const CPAM: PartnerEmployer = {
  id: 'e1',
  name: 'CPAM de Paris',
  sector: 'Protection sociale',
  town: 'Paris 14e',
  contactName: 'Mme Rivière',
  contactEmail: 'recrutement@exemple.fr',
  contactPhone: null,
  note: null,
};

describe('PartnerEmployersComponent', () => {
  async function open() {
    await TestBed.configureTestingModule({
      imports: [PartnerEmployersComponent],
      providers: [provideI18n(), provideHttpClient(), provideHttpClientTesting()],
    }).compileComponents();
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PartnerEmployersComponent);
    fixture.detectChanges();
    http.expectOne('/api/partner-employers').flush([CPAM]);
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const type = (label: string, value: string) => {
      const forId = [...element.querySelectorAll('label')].find(
        (l) => l.textContent?.trim() === label,
      )?.htmlFor;
      const input = element.querySelector(`#${forId}`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const button = (text: string) =>
      [...element.querySelectorAll('button')].find((b) =>
        b.textContent?.includes(text),
      ) as HTMLButtonElement;
    return { http, fixture, element, type, button };
  }

  it('lists the partners and adds one, its empty fields sent as null', async () => {
    const { http, fixture, element, type, button } = await open();
    expect(element.textContent).toContain('Employeurs partenaires');
    expect(element.textContent).toContain('CPAM de Paris');
    expect(element.textContent).toContain('Mme Rivière · recrutement@exemple.fr');
    type('Nom', 'Régie de quartier');
    type('Ville', 'Paris 19e');
    button('Ajouter l’employeur').click();
    const post = http.expectOne('/api/partner-employers');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({
      name: 'Régie de quartier',
      sector: null,
      town: 'Paris 19e',
      contactName: null,
      contactEmail: null,
      contactPhone: null,
      note: null,
    });
    post.flush({ ...CPAM, id: 'e2', name: 'Régie de quartier', town: 'Paris 19e' });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.textContent).toContain('Régie de quartier');
  });

  it('edits a partner and shows the French refusal of a duplicate name', async () => {
    const { http, fixture, element, type, button } = await open();
    button('Modifier').click();
    fixture.detectChanges();
    type('Nom', 'Mairie du 18e');
    button('Enregistrer les modifications').click();
    const patch = http.expectOne('/api/partner-employers/e1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toMatchObject({ name: 'Mairie du 18e', town: 'Paris 14e' });
    patch.flush(
      {
        statusCode: 409,
        error: 'Conflict',
        message: 'Un employeur partenaire s’appelle déjà « Mairie du 18e ».',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Un employeur partenaire s’appelle déjà « Mairie du 18e ».',
    );
  });
});
