// Lighthouse runs in Debian's Chromium (never a downloaded browser), reduced to the figures the report compares.
import lighthouse, { desktopConfig } from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM, CHROMIUM_ARGS } from '../../test/support/browser.ts';

export type FormFactor = 'mobile' | 'desktop';

export interface LighthouseFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  jsBytes: number;
  totalBytes: number;
}

/** The same Chromium and flags as the browser tests, headless for chrome-launcher. */
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

export async function withChrome<T>(run: (port: number) => Promise<T>): Promise<T> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  try {
    return await run(chrome.port);
  } finally {
    chrome.kill();
  }
}

type Audits = Record<string, { numericValue?: number; details?: { items?: { resourceType?: string; transferSize?: number }[] } }>;

export async function runLighthouse(url: string, port: number, formFactor: FormFactor): Promise<LighthouseFigures> {
  const result = await lighthouse(
    url,
    { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] },
    formFactor === 'desktop' ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories } = result.lhr;
  const audits = result.lhr.audits as unknown as Audits;
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const resources = audits['resource-summary']?.details?.items ?? [];
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? NaN),
    tbtMs: Math.round(audits['total-blocking-time']?.numericValue ?? NaN),
    cls: Math.round((audits['cumulative-layout-shift']?.numericValue ?? NaN) * 1000) / 1000,
    jsBytes: resources.find((item) => item.resourceType === 'script')?.transferSize ?? 0,
    totalBytes: Math.round(audits['total-byte-weight']?.numericValue ?? NaN),
  };
}
