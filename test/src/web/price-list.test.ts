import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, todayInSweden } from '@samverka/domain';
import type { Locator } from 'playwright-core';
import { answered, screenshotPath, signIn, useBrowserSession } from '../support/browser-session.js';

const session = useBrowserSession();
const today = todayInSweden();
// Tomorrow on 1 January falls on next year's rate, which already starts that day.
const tomorrow = addDays(today, 1).endsWith('-01-01') ? addDays(today, 2) : addDays(today, 1);
const thisYear = Number(today.slice(0, 4));

/** The text as a person reads it: non-breaking spaces (thousands, "kr") as plain spaces. */
const readable = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

async function textOf(locator: Locator): Promise<string> {
  return readable((await locator.textContent()) ?? '');
}

/** A table row's cells, one space between them. */
async function rowText(row: Locator): Promise<string> {
  return (await row.locator('th, td').allTextContents()).map(readable).join(' ');
}

describe('the price list and the budget, in the browser', () => {
  it('Erik Berg adds an own-home rate from tomorrow in kronor, and a refused rate says why', async () => {
    const page = await session.browser.newPage({ locale: 'sv-SE', viewport: { width: 1360, height: 900 } });
    await signIn(page, session.server, 'Erik Berg');
    await page.goto(`${session.server.url}/kostnader/prislista`);
    const ownHomes = page.getByRole('table', { name: 'Egna familjehem, Familjehemsenheten Norra länsdelen' });
    await ownHomes.waitFor();
    assert.equal(await ownHomes.getByRole('row').filter({ hasText: 'Gäller' }).count() > 0, true);

    const form = page.getByRole('form', { name: 'Ny taxa från datum' });
    await form.getByLabel('Hemtyp').selectOption({ label: 'Egna familjehem' });
    await form.getByLabel('Ålder från').selectOption({ label: '0 år' });
    await form.getByLabel('Ålder till och med').selectOption({ label: '12 år' });
    await form.getByLabel('Gäller från').fill(tomorrow);
    await form.getByLabel('Gäller till och med (valfritt)').fill(`${tomorrow.slice(0, 4)}-12-31`);
    await form.getByLabel('Arvode per dygn').fill('410');
    await form.getByLabel('Omkostnadsersättning per dygn').fill('190,50');
    await answered(page, 'addFeeRate', () => form.getByRole('button', { name: 'Lägg till taxan' }).click());
    await page.getByRole('status').getByText(/Ny taxa för egna familjehem, 0–12 år/).waitFor();
    const added = ownHomes.getByRole('row').filter({ hasText: `${tomorrow} – ${tomorrow.slice(0, 4)}-12-31` });
    await added.waitFor();
    assert.equal(await rowText(added), `0–12 år ${tomorrow} – ${tomorrow.slice(0, 4)}-12-31 410 kr 190,50 kr 600,50 kr Kommande`);

    await form.getByLabel('Ålder från').selectOption({ label: '13 år' });
    await form.getByLabel('Ålder till och med').selectOption({ label: '20 år' });
    await form.getByLabel('Gäller till och med (valfritt)').fill('');
    await form.getByLabel('Arvode per dygn').fill('400');
    await form.getByLabel('Omkostnadsersättning per dygn').fill('tvåhundra');
    await form.getByRole('button', { name: 'Lägg till taxan' }).click();
    await form.getByRole('alert').getByText('Ange omkostnadsersättningen i kronor med högst två decimaler, t.ex. 1 234,50.').first().waitFor();
    await form.getByLabel('Omkostnadsersättning per dygn').fill('200');
    await answered(page, 'addFeeRate', () => form.getByRole('button', { name: 'Lägg till taxan' }).click());
    assert.match(await textOf(form.getByRole('alert')), new RegExp(`Taxan kunde inte läggas till ?Arvodet för egna familjehem, 13–20 år, har redan en period ${thisYear + 1}-01-01 – tills vidare`));
    await page.screenshot({ path: screenshotPath('price-list.png'), fullPage: true });
    await page.close();
  });

  it('Maria Holm sets next year’s budget for consultant-supported homes in kronor', async () => {
    const page = await session.browser.newPage({ locale: 'sv-SE', viewport: { width: 1360, height: 900 } });
    await signIn(page, session.server, 'Maria Holm');
    await page.goto(`${session.server.url}/kostnader/budget?ar=${thisYear + 1}`);
    const form = page.getByRole('form', { name: 'Konsulentstödda familjehem' });
    await form.getByLabel('Konsulentstödda familjehem').fill('4 500 000');
    await answered(page, 'setBudget', () => form.getByRole('button', { name: 'Spara' }).click());
    await page.getByRole('status').getByText(`Budgeten för konsulentstödda familjehem ${thisYear + 1} är 4 500 000 kr.`, { exact: false }).waitFor();
    const table = page.getByRole('table', { name: `Budget ${thisYear + 1} per kostnadsslag` });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Konsulentstödda familjehem' }) });
    assert.equal(await rowText(row), 'Konsulentstödda familjehem 4 500 000 kr');
    assert.equal(await rowText(table.locator('tfoot tr')), 'Totalt 4 500 000 kr');
    await page.screenshot({ path: screenshotPath('budget.png'), fullPage: true });
    await page.close();
  });
});
