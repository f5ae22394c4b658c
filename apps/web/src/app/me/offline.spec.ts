import { clearOfflineCopies, MY_WEEK_CACHE_KEY } from './offline';

/** Cache Storage as the page sees it: entries per cache name (jsdom has none). */
function fakeCaches(contents: Record<string, string[]>) {
  const stores = new Map(Object.entries(contents).map(([name, urls]) => [name, new Set(urls)]));
  const storage = {
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
    open: async (name: string) => {
      const entries = stores.get(name) ?? new Set<string>();
      stores.set(name, entries);
      return {
        keys: async () => [...entries].map((url) => ({ url })),
        delete: async (request: { url: string }) => entries.delete(request.url),
      };
    },
  };
  return { storage, stores };
}

describe('offline copies', () => {
  afterEach(() => {
    delete (globalThis as { caches?: unknown }).caches;
    localStorage.clear();
  });

  it("empties the worker's data caches in place, deletes the old worker's, and keeps the app shell", async () => {
    const { storage, stores } = fakeCaches({
      'ngsw:/:1:data:my-week:cache': ['/api/auth/me', '/api/me/week'],
      'ngsw:/:db:1:data:my-week:age': ['/api/me/week'],
      'ngsw:/:abc:assets:app:cache': ['/index.html', '/main.js'],
      'ngsw:/:db:control': ['/manifests'],
      'relais-data-v1': ['/api/me/week'],
    });
    (globalThis as { caches?: unknown }).caches = storage;
    localStorage.setItem(MY_WEEK_CACHE_KEY, '{}');

    await clearOfflineCopies();

    expect(localStorage.getItem(MY_WEEK_CACHE_KEY)).toBeNull();
    // The running worker holds the data caches open: they must still exist, but empty.
    expect(stores.get('ngsw:/:1:data:my-week:cache')?.size).toBe(0);
    expect(stores.get('ngsw:/:db:1:data:my-week:age')?.size).toBe(0);
    expect(stores.has('relais-data-v1')).toBe(false);
    expect(stores.get('ngsw:/:abc:assets:app:cache')?.size).toBe(2);
    expect(stores.get('ngsw:/:db:control')?.size).toBe(1);
  });

  it('does nothing more where the browser has no Cache Storage', async () => {
    localStorage.setItem(MY_WEEK_CACHE_KEY, '{}');
    await expect(clearOfflineCopies()).resolves.toBeUndefined();
    expect(localStorage.getItem(MY_WEEK_CACHE_KEY)).toBeNull();
  });
});
