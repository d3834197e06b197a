// Starts the built site on a loopback port and a headless Debian Chromium to drive it, for the browser tests.
import { chromium, type Browser } from 'playwright-core';
import { serveDist } from './serve.ts';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium off the network this machine does not have, and working as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // WebGL for the map through the software renderer: these machines have no GPU.
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's "chromium" package (.ci/run does)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface RunningSite {
  origin: string;
  stop(): Promise<void>;
}

/** Serves dist/ as production does; `api` is the origin of a running API for the pages that call it. */
export async function serveBuiltSite(api?: string): Promise<RunningSite> {
  const server = await serveDist({ api });
  return { origin: server.origin, stop: () => server.close() };
}
