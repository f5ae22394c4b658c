/** Where the last week fetched is kept on the device (see my-week.store). */
export const MY_WEEK_CACHE_KEY = 'relais.myWeek';

// Angular's service worker names a data group's caches "ngsw:<scope>:<version>:data:<group>:cache"
// and keeps its bookkeeping beside them in "ngsw:<scope>:db:<version>:data:<group>:lru|age"
// (apps/web/ngsw-config.json: one group, "my-week", for /api/auth/me and /api/me/week).
const SERVICE_WORKER_DATA_CACHE = /^ngsw:.*:data:/;
// Left by the hand-written worker that came before (relais-shell-v1, relais-data-v1): no worker
// opens them any more, so they can simply be deleted.
const LEGACY_CACHE = /^relais-/;

/**
 * Forgets the week kept for offline reading: at sign-out, so nothing of it stays on a shared
 * device, and at sign-in, so nobody reads a previous person's copy.
 *
 * The worker keeps its data caches open for as long as it runs: deleting them by name from the
 * page would only detach them, and the running worker would go on answering the next person,
 * offline, with the previous one's identity (/api/auth/me) and week. So each cache is emptied in
 * place, which the worker sees at once. Online, the "freshness" strategy asks the server first: a
 * cached answer is only read offline or after a 4 s timeout. Writes (login, logout, POST, PATCH)
 * are never cached by the worker.
 */
export async function clearOfflineCopies(): Promise<void> {
  globalThis.localStorage?.removeItem(MY_WEEK_CACHE_KEY);
  const storage = globalThis.caches;
  if (!storage) return;
  try {
    const names = await storage.keys();
    await Promise.all(
      names.map(async (name) => {
        if (LEGACY_CACHE.test(name)) {
          await storage.delete(name);
        } else if (SERVICE_WORKER_DATA_CACHE.test(name)) {
          const cache = await storage.open(name);
          await Promise.all((await cache.keys()).map((request) => cache.delete(request)));
        }
      }),
    );
  } catch {
    // Storage unavailable (private mode, quota): there is nothing of ours to clear either.
  }
}
