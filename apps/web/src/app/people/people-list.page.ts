import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { CONTRACT_TYPES, ROLES, SKILL_CODES, type Role } from '@relais/api-types';
import { formatDate } from '@relais/rules';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { AuthStore } from '../core/auth.store';
import { SkillChipComponent } from './components/skill-chip.component';
import {
  ENDING_WITHIN_DAYS,
  filtersFromParams,
  hasFilters,
  PeopleFilters,
  PeopleStore,
  toQueryParams,
  toQueryString,
} from './people.store';

@Component({
  selector: 'app-people-list-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    SkillChipComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './people-list.page.html',
  styleUrl: './people-list.page.scss',
})
export class PeopleListPage {
  protected readonly store = inject(PeopleStore);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  protected readonly contractTypes = CONTRACT_TYPES;
  protected readonly skillCodes = SKILL_CODES;
  protected readonly endingChoices = ENDING_WITHIN_DAYS;
  protected readonly roles = ROLES;
  protected readonly formatDate = formatDate;

  protected readonly filters = toSignal(
    this.route.queryParamMap.pipe(map((params) => filtersFromParams(params))),
    { requireSync: true },
  );
  protected readonly isFiltered = computed(() => hasFilters(this.filters()));
  protected readonly exportQuery = computed(() => {
    const query = toQueryString(this.filters());
    return query ? `?${query}` : '';
  });
  protected readonly canCreate = computed(() => {
    const role = this.auth.role();
    return role === 'admin' || role === 'hr';
  });

  /** The search box: typed words reach the URL (and the list) after a short pause. */
  protected readonly search = new FormControl('', { nonNullable: true });

  protected readonly isFormOpen = signal(false);
  protected readonly isCreating = signal(false);
  protected readonly createError = signal<string | null>(null);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    firstName: ['', Validators.required],
    lastName: ['', Validators.required],
    email: ['', Validators.email],
    homeSiteId: ['', Validators.required],
    role: ['mediator' as Role, Validators.required],
    jobTitle: [''],
  });

  constructor() {
    void this.store.loadSites();
    effect(() => {
      const filters = this.filters();
      untracked(() => {
        // A reload, a shared link or "Effacer les filtres" puts the URL's words in the box.
        if ((this.search.value.trim() || null) !== filters.q) {
          this.search.setValue(filters.q ?? '', { emitEvent: false });
        }
        void this.store.load(filters);
      });
    });
    this.search.valueChanges
      .pipe(
        debounceTime(300),
        map((value) => value.trim()),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((value) => {
        if (value !== (this.filters().q ?? '')) this.setFilter('q', value, true);
      });
  }

  protected setFilter<K extends keyof PeopleFilters>(
    key: K,
    value: string,
    replaceUrl = false,
  ): void {
    const next = filtersFromParams({
      get: (name) => (name === key ? value : (toQueryParams(this.filters())[name] ?? null)),
    });
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: toQueryParams(next),
      replaceUrl,
    });
  }

  protected clearFilters(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }

  protected async create(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.isCreating.set(true);
    this.createError.set(null);
    const result = await this.store.create({
      firstName: value.firstName.trim(),
      lastName: value.lastName.trim(),
      email: value.email.trim() || null,
      homeSiteId: value.homeSiteId || null,
      role: value.role,
      jobTitle: value.jobTitle.trim() || null,
    });
    this.isCreating.set(false);
    if ('error' in result) {
      for (const [field, message] of Object.entries(result.fields)) {
        const control = this.form.get(field);
        control?.setErrors({ server: message });
        control?.markAsTouched();
      }
      this.createError.set(result.error ?? this.transloco.translate('people.createFailed'));
      return;
    }
    const name = `${result.person.firstName} ${result.person.lastName}`;
    this.snackBar.open(this.transloco.translate('people.created', { name }), undefined, {
      duration: 10_000,
    });
    await this.router.navigate(['/personnes', result.person.id]);
  }
}
