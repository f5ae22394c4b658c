import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import localeFr from '@angular/common/locales/fr';
import {
  ApplicationConfig,
  isDevMode,
  LOCALE_ID,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideServiceWorker } from '@angular/service-worker';
import { appRoutes } from './app.routes';
import { provideI18n } from './core/i18n/i18n';
import { sessionInterceptor } from './core/session.interceptor';

registerLocaleData(localeFr);

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideHttpClient(withInterceptors([sessionInterceptor])),
    provideI18n(),
    { provide: LOCALE_ID, useValue: 'fr-FR' },
    // Offline reading of the mediator's week (apps/web/ngsw-config.json, see me/offline.ts). Not
    // in development, where it would serve stale bundles; registered once the app is stable so
    // the first screen never waits for the worker's prefetch.
    provideServiceWorker('ngsw-worker.js', {
      enabled: !isDevMode(),
      registrationStrategy: 'registerWhenStable:30000',
    }),
  ],
};
