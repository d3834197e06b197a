// Loads the compare data the build wrote for this language, once per page.
import { useEffect, useState } from 'react';
import type { CompareData } from './types.ts';

export type Loaded = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; data: CompareData };

/** Fails fast: a stalled request becomes the "could not load" notice rather than an endless wait. */
const TIMEOUT_MS = 10_000;

export function useCompareData(url: string): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    fetch(url, { signal: controller.signal })
      .then((response) => {
        if (!response.ok) throw new Error(`compare data answered ${response.status}`);
        return response.json() as Promise<CompareData>;
      })
      .then((data) => setLoaded({ state: 'ready', data }))
      .catch(() => setLoaded({ state: 'failed' }))
      .finally(() => clearTimeout(timer));
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [url]);
  return loaded;
}
