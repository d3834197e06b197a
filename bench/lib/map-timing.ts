// Time to an interactive map and the bytes it costs, for the map page and the bare MapLibre page, in real Chromium.
import type { Browser } from 'playwright-core';

export type MapMeasurement =
  /** From navigation until the map is drawn: the bare page starts at once, ours when the browser is idle. */
  | 'navigation'
  /** From a click on the preview until the map is drawn, on a screen narrow enough that nothing started it before. */
  | 'click';

export interface MapTiming {
  readyMs: number;
  /** Bytes of every response before the map started, and in all once it was drawn. */
  bytesOnLoad: number;
  bytesWhenReady: number;
  runs: number[];
}

const READY = { site: '.map-live[data-map-ready="true"]', bare: 'body[data-map-ready="true"]' } as const;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measureOnce(browser: Browser, url: string, page: keyof typeof READY, how: MapMeasurement) {
  const context = await browser.newContext({ viewport: { width: how === 'click' ? 760 : 1280, height: 900 } });
  const tab = await context.newPage();
  let bytes = 0;
  tab.on('response', (response) => {
    response.body().then(
      (body) => (bytes += body.length),
      () => undefined,
    );
  });
  let start = Date.now();
  let bytesOnLoad = 0;
  if (how === 'click') {
    await tab.goto(url, { waitUntil: 'networkidle' });
    bytesOnLoad = bytes;
    start = Date.now();
    await tab.locator('#map').click({ position: { x: 20, y: 20 } });
  } else {
    await tab.goto(url);
  }
  await tab.waitForSelector(READY[page], { timeout: 60_000 });
  const readyMs = Date.now() - start;
  await tab.waitForLoadState('networkidle');
  await context.close();
  return { readyMs, bytesOnLoad: how === 'click' ? bytesOnLoad : NaN, bytesWhenReady: bytes };
}

export async function measureMap(
  browser: Browser,
  url: string,
  page: keyof typeof READY,
  how: MapMeasurement,
  runs = 5,
): Promise<MapTiming> {
  const results = [];
  for (let run = 0; run < runs; run++) results.push(await measureOnce(browser, url, page, how));
  return {
    readyMs: median(results.map((result) => result.readyMs)),
    bytesOnLoad: median(results.map((result) => result.bytesOnLoad)),
    bytesWhenReady: median(results.map((result) => result.bytesWhenReady)),
    runs: results.map((result) => result.readyMs),
  };
}
