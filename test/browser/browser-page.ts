import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's Chromium, never a downloaded one: the machines running these tests have no network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** For expect.poll: long enough for a loaded machine to fetch and draw fifty centres. */
export const eventually = { timeout: 10_000 } as const;

export interface WatchedPage {
  page: Page;
  /** Uncaught exceptions and console errors other than failed requests (a 400 is logged as one). */
  problems: string[];
  close(): Promise<void>;
}

/** A page in a context of its own, so no test sees another's language choice or history. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  // Well inside the test timeout, so a stuck step fails with its locator named instead of a bare timeout.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  return { page, problems, close: () => context.close() };
}
