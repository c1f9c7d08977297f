import { mkdirSync } from 'node:fs';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startTestServer, type TestServer } from './server.js';

const screenshots = new URL('../../test-results/', import.meta.url);

/** Where a browser test keeps a screenshot (test/test-results/, ignored by git, kept by CI). */
export function screenshotPath(name: string): string {
  return new URL(name, screenshots).pathname;
}

export interface BrowserSession {
  readonly server: TestServer;
  readonly browser: Browser;
}

/** A server and a headless Chromium for the test file: started before its tests, closed after. */
export function useBrowserSession(): BrowserSession {
  const session = {} as { server: TestServer; browser: Browser };
  before(async () => {
    mkdirSync(screenshots, { recursive: true });
    [session.server, session.browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

/** Signs in as a demo user from the sign-in page and waits for the start page. */
export async function signIn(page: Page, server: TestServer, name: string): Promise<void> {
  await page.goto(`${server.url}/logga-in`);
  await page.getByRole('button', { name }).click();
  await page.getByRole('table', { name: 'Familjehem' }).waitFor();
}

/** Clicks and waits for the GraphQL operation it sends (named by its root field) to be answered. */
export async function answered(page: Page, rootField: string, click: () => Promise<void>): Promise<void> {
  const response = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes(`${rootField}(`));
  await click();
  await response;
}
