import { isDevMode } from '@angular/core';

/** Where the last week fetched is kept on the device (see my-week.store and public/sw.js). */
export const MY_WEEK_CACHE_KEY = 'relais.myWeek';
const SERVICE_WORKER_DATA_CACHE = 'relais-data-v1';

/** Signing out leaves nothing of the person's week on a shared device. */
export async function clearOfflineCopies(): Promise<void> {
  globalThis.localStorage?.removeItem(MY_WEEK_CACHE_KEY);
  await globalThis.caches?.delete(SERVICE_WORKER_DATA_CACHE).catch(() => false);
}

/**
 * Installs the service worker (public/sw.js) the first time a person opens their week: offline
 * reading is about the week, and other screens never pay for a worker. Not in development, where
 * it would serve stale bundles.
 */
export function registerOfflineSupport(): void {
  if (isDevMode() || !('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}
