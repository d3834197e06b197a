// The product as a visitor reaches it: the local API with the generated factsheets, the built site in front of it, and Chromium.
import type { Browser } from 'playwright-core';
import { launchBrowser, serveBuiltSite, type RunningSite } from './browser.ts';
import { startTestStack, type TestStack } from '../functions/helpers.ts';
import { FACTSHEETS_DIR } from '../../scripts/documents/factsheets.ts';

export interface RunningProduct {
  stack: TestStack;
  site: RunningSite;
  browser: Browser;
  stop(): Promise<void>;
}

export async function startProduct(): Promise<RunningProduct> {
  // The generated factsheets (made by the build) are what the item pages offer for download.
  const stack = await startTestStack({ documentsDir: [FACTSHEETS_DIR] });
  const [site, browser] = await Promise.all([serveBuiltSite(stack.api.url), launchBrowser()]);
  return {
    stack,
    site,
    browser,
    async stop() {
      await browser.close();
      await site.stop();
      await stack.cleanup();
    },
  };
}
