import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { todayInSweden } from '@samverka/domain';
import { launchBrowser } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const screenshots = new URL('../../test-results/', import.meta.url);

let server: TestServer;
let browser: Browser;
before(async () => {
  mkdirSync(screenshots, { recursive: true });
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(page: Page, name: string) {
  await page.goto(`${server.url}/logga-in`);
  await page.getByRole('button', { name }).click();
  await page.getByRole('table', { name: 'Familjehem' }).waitFor();
}

/** Clicks a button and waits for the GraphQL operation it sends (named by its root field) to be answered. */
async function save(page: Page, mutation: string, click: () => Promise<void>) {
  const answered = page.waitForResponse((response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes(`${mutation}(`));
  await click();
  await answered;
}

describe('the follow-up of placed children, in the browser', () => {
  it('Lindesberg’s head of unit sees the overdue follow-ups first, records a visit to an overdue child and watches the overdue list shrink', async () => {
    const page = await browser.newPage({ locale: 'sv-SE' });
    await signIn(page, 'Maria Holm');

    await page.getByRole('navigation').getByRole('link', { name: 'Uppföljning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uppföljning av placerade barn' }).waitFor();
    const overdue = page.getByRole('region', { name: 'Försenade uppföljningar' });
    const overdueRows = overdue.locator('tbody tr');
    await overdueRows.first().waitFor();
    const sections = await page.getByRole('heading', { level: 2 }).allTextContents();
    assert.equal(sections[0], 'Försenade uppföljningar', 'overdue follow-ups are the first thing the head of unit sees');
    const before = await overdueRows.count();
    await page.screenshot({ path: new URL('follow-up-dashboard.png', screenshots).pathname, fullPage: true });

    const visit = overdueRows.filter({ hasText: 'Besök hos barnet' }).first();
    const child = (await visit.getByRole('link').textContent())!;
    await visit.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: `Uppföljning: ${child}` }).waitFor();

    const next = page.getByRole('table', { name: 'Nästa uppföljningar' });
    await next.getByRole('row').filter({ hasText: 'Besök hos barnet' }).getByRole('button', { name: 'Registrera' }).click();
    const form = page.getByRole('form', { name: 'Registrera besök hos barnet' });
    const today = todayInSweden();
    assert.equal(await form.getByLabel('Datum då det gjordes').inputValue(), today);
    await form.getByRole('group', { name: 'Samtalade du enskilt med barnet?' }).getByLabel('Ja').check();
    await form.getByLabel('Anteckning').fill('Besök i familjehemmet. Enskilt samtal om skolan och kompisarna.');
    await save(page, 'recordFollowUp', () => form.getByRole('button', { name: 'Spara' }).click());
    await page.getByText('Besök hos barnet är registrerat.').waitFor();
    const done = page.getByRole('table', { name: 'Genomförda uppföljningar' });
    const recorded = done.getByRole('row').filter({ hasText: 'Maria Holm' }).filter({ hasText: today });
    await recorded.waitFor();
    assert.match((await recorded.textContent())!, /Ja/);
    await page.screenshot({ path: new URL('follow-up-recorded.png', screenshots).pathname, fullPage: true });

    await page.getByRole('link', { name: 'Tillbaka till uppföljningen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uppföljning av placerade barn' }).waitFor();
    await overdueRows.first().waitFor();
    assert.equal(await overdueRows.count(), before - 1);
    await page.close();
  });

  it('the joint unit has no follow-up link, and the page tells it the follow-up is the placing municipality’s', async () => {
    const page = await browser.newPage({ locale: 'sv-SE' });
    await signIn(page, 'Erik Berg');
    assert.equal(await page.getByRole('navigation').getByRole('link', { name: 'Uppföljning' }).count(), 0);
    await page.goto(`${server.url}/uppfoljning`);
    await page.getByRole('alert').filter({ hasText: 'placerande kommunen' }).waitFor();
    await page.close();
  });
});
