/**
 * Debian's chromium, driven by playwright-core, for the tests that need a real browser (npm cannot install
 * one; `apt-get install -y chromium`, which .ci/run does). Tests check `HAS_CHROMIUM` and skip plainly
 * without it.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const NO_CHROMIUM = `no chromium at ${CHROMIUM} (install it with: apt-get install -y chromium; .ci/run does)`;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
