import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { todayInSweden } from '@samverka/domain';
import { answered, screenshotPath, signIn, useBrowserSession } from '../support/browser-session.js';

const session = useBrowserSession();

describe('the follow-up of placed children, in the browser', () => {
  it('Lindesberg’s head of unit sees the overdue follow-ups first, records a visit to an overdue child and watches the overdue list shrink', async () => {
    const page = await session.browser.newPage({ locale: 'sv-SE' });
    await signIn(page, session.server, 'Maria Holm');

    await page.getByRole('navigation').getByRole('link', { name: 'Uppföljning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uppföljning av placerade barn' }).waitFor();
    const overdue = page.getByRole('region', { name: 'Försenade uppföljningar' });
    const overdueRows = overdue.locator('tbody tr');
    await overdueRows.first().waitFor();
    const sections = await page.getByRole('heading', { level: 2 }).allTextContents();
    assert.equal(sections[0], 'Försenade uppföljningar', 'overdue follow-ups are the first thing the head of unit sees');
    const before = await overdueRows.count();
    await page.screenshot({ path: screenshotPath('follow-up-dashboard.png'), fullPage: true });

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
    await answered(page, 'recordFollowUp', () => form.getByRole('button', { name: 'Spara' }).click());
    await page.getByText('Besök hos barnet är registrerat.').waitFor();
    const done = page.getByRole('table', { name: 'Genomförda uppföljningar' });
    const recorded = done.getByRole('row').filter({ hasText: 'Maria Holm' }).filter({ hasText: today });
    await recorded.waitFor();
    assert.match((await recorded.textContent())!, /Ja/);
    await page.screenshot({ path: screenshotPath('follow-up-recorded.png'), fullPage: true });

    await page.getByRole('link', { name: 'Tillbaka till uppföljningen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uppföljning av placerade barn' }).waitFor();
    await overdueRows.first().waitFor();
    assert.equal(await overdueRows.count(), before - 1);
    await page.close();
  });

  it('the joint unit has no follow-up link, and the page tells it the follow-up is the placing municipality’s', async () => {
    const page = await session.browser.newPage({ locale: 'sv-SE' });
    await signIn(page, session.server, 'Erik Berg');
    assert.equal(await page.getByRole('navigation').getByRole('link', { name: 'Uppföljning' }).count(), 0);
    await page.goto(`${session.server.url}/uppfoljning`);
    await page.getByRole('alert').filter({ hasText: 'placerande kommunen' }).waitFor();
    await page.close();
  });
});
