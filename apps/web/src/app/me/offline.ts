/** Where the last week fetched is kept on the device (see my-week.store and public/sw.js). */
export const MY_WEEK_CACHE_KEY = 'relais.myWeek';
const SERVICE_WORKER_DATA_CACHE = 'relais-data-v1';

/** Signing out leaves nothing of the person's week on a shared device. */
export async function clearOfflineCopies(): Promise<void> {
  globalThis.localStorage?.removeItem(MY_WEEK_CACHE_KEY);
  await globalThis.caches?.delete(SERVICE_WORKER_DATA_CACHE).catch(() => false);
}
