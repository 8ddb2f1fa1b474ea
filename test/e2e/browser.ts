import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.ORC_CHROMIUM ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, without anything that reaches the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
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
