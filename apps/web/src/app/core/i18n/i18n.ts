import { DOCUMENT, inject, Injectable } from '@angular/core';
import {
  provideTransloco,
  Translation,
  TranslocoLoader,
  TranslocoService,
} from '@jsverse/transloco';
import { from, Observable, of } from 'rxjs';
import { FR } from './fr';

export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const STORAGE_KEY = 'relais.lang';

/**
 * The French dictionary ships in the first bundle (no request before the first screen); the
 * English one is a chunk of its own, fetched when chosen (the service worker keeps it offline).
 */
@Injectable({ providedIn: 'root' })
export class InlineLoader implements TranslocoLoader {
  getTranslation(lang: string): Observable<Translation> {
    return lang === 'en' ? from(import('./en').then((module) => module.EN)) : of(FR);
  }
}

export function provideI18n() {
  return provideTransloco({
    config: {
      availableLangs: [...LANGS],
      defaultLang: 'fr',
      fallbackLang: 'fr',
      reRenderOnLangChange: true,
      prodMode: true,
    },
    loader: InlineLoader,
  });
}

/** Switches the language, remembers it and keeps `<html lang>` right for screen readers. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);

  restore(): void {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    this.use(saved === 'en' ? 'en' : 'fr');
  }

  use(lang: Lang): void {
    this.transloco.setActiveLang(lang);
    this.document.documentElement.lang = lang;
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  }

  get active(): Lang {
    return this.transloco.getActiveLang() === 'en' ? 'en' : 'fr';
  }
}
