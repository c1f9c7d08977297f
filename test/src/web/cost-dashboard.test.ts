import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { screenshotPath, signIn, useBrowserSession } from '../support/browser-session.js';

const session = useBrowserSession();

/** The text as a person reads it: non-breaking spaces (thousands, "kr", "%") as plain spaces. */
async function textOf(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** "1 234 567,50 kr" → 123456750 öre. */
function ore(text: string): number {
  const match = /^([-\u2212])?([\d ]+)(?:,(\d{2}))? kr$/.exec(text);
  assert.ok(match, `not an amount in kronor: "${text}"`);
  const amount = Number(match[2]!.replace(/ /g, '')) * 100 + Number(match[3] ?? '0');
  return match[1] ? -amount : amount;
}

async function openCosts(page: Page, search: string) {
  await page.getByRole('navigation').getByRole('link', { name: 'Kostnader' }).click();
  await page.getByRole('heading', { level: 1, name: 'Kostnader för familjehemsvård' }).waitFor();
  await page.goto(`${session.server.url}/kostnader${search}`);
  await page.getByRole('heading', { level: 2, name: 'Kostnad per månad', exact: true }).waitFor();
}

describe('the cost dashboard, in the browser', () => {
  it('shows Lindesberg’s average cost per day in May 2022 from seed 001 and opens the placements behind a figure', async () => {
    const page = await session.browser.newPage({ locale: 'sv-SE', viewport: { width: 1360, height: 900 } });
    await signIn(page, session.server, 'Maria Holm');
    await openCosts(page, '?ar=2022&datum=2022-12-31');
    assert.match(await textOf(page.locator('.report__meta')), /Lindesbergs kommun, 2022\. Utfall 1 januari – 2022-12-31/);

    const may = page.getByRole('rowgroup', { name: 'maj 2022' });
    for (const [category, average] of [
      ['Egna familjehem', '560 kr'],
      ['Jourhem', '660 kr'],
      ['Behandlingsuppdrag', '1 484 kr'],
      ['Konsulentstödda familjehem', '2 100 kr'],
    ] as const) {
      const row = may.getByRole('row').filter({ has: page.getByRole('rowheader', { name: category, exact: true }) });
      assert.equal(await textOf(row.getByRole('cell').last()), average, `snittkostnad per dygn för ${category} i maj 2022`);
    }

    const budget = page.getByRole('table', { name: /^Budget och prognos 2022/ });
    assert.match(await textOf(budget.locator('tfoot')), /^Totalt \d[\d ]* kr/);
    await page.screenshot({ path: screenshotPath('cost-dashboard.png'), fullPage: true });

    // Printed for the committee: the figures and tables stay, the form and the buttons go.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: 'Skriv ut' }).isVisible(), false);
    assert.equal(await page.getByRole('form', { name: 'Period' }).isVisible(), false);
    assert.equal(await budget.isVisible(), true);
    await page.screenshot({ path: screenshotPath('cost-dashboard-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // The May figure for konsulentstödda familjehem and the placements behind it add up to the same.
    const monthTable = page.getByRole('table', { name: 'Kostnad per månad och kategori' });
    const consultantColumn = (await monthTable.locator('thead th').allTextContents()).indexOf('Konsulentstödda familjehem');
    const mayCost = ore(await textOf(monthTable.getByRole('row', { name: /^maj 2022/ }).locator('th, td').nth(consultantColumn)));
    await may.getByRole('link', { name: 'Konsulentstödda familjehem' }).click();
    await page.getByRole('heading', { level: 1, name: 'Placeringar bakom kostnaderna' }).waitFor();
    assert.equal(new URL(page.url()).search, '?ar=2022&datum=2022-12-31&kategori=CONSULTANT_SUPPORTED&manad=2022-05');
    const placements = page.getByRole('table', { name: 'Placeringar: Konsulentstödda familjehem, maj 2022' });
    const rows = placements.locator('tbody tr');
    await rows.first().waitFor();
    assert.ok((await rows.count()) > 0);
    assert.match((await rows.first().getByRole('link').getAttribute('href'))!, /^\/barn\//);
    assert.equal(ore(await textOf(placements.locator('tfoot td').nth(3))), mayCost);
    await page.screenshot({ path: screenshotPath('cost-placements.png'), fullPage: true });
    await page.close();
  });

  it('shows the joint unit how its running cost is split between the four municipalities, without a child', async () => {
    const maria = await session.server.signIn('maria.holm@lindesberg.se');
    const { data } = await session.server.graphql<{ placementCosts: { childName: string }[] }>(maria, 'query { placementCosts(year: 2026) { childName } }');
    const childNames = [...new Set(data!.placementCosts.map((line) => line.childName))];
    assert.ok(childNames.length > 0);

    const page = await session.browser.newPage({ locale: 'sv-SE', viewport: { width: 1360, height: 900 } });
    await signIn(page, session.server, 'Erik Berg');
    await openCosts(page, '?ar=2026');
    const split = page.getByRole('table', { name: 'Fördelning av enhetens kostnad 2026' });
    const amounts = await split.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.lastElementChild!.textContent!));
    assert.equal(amounts.length, 4);
    const runningCost = ore(await textOf(split.locator('tfoot td').last()));
    assert.equal(amounts.map((amount) => ore(amount.replace(/[\u00a0\u202f]/g, ' ').trim())).reduce((a, b) => a + b, 0), runningCost);
    for (const share of await split.locator('tbody td:nth-of-type(1)').allTextContents()) assert.match(share, /^\d{1,3},\d\u00a0%$/);

    const main = await textOf(page.getByRole('main'));
    for (const name of childNames) assert.ok(!main.includes(name), `the unit sees the child ${name}`);
    assert.equal(await page.getByRole('main').locator('a[href^="/barn/"]').count(), 0);
    await page.screenshot({ path: screenshotPath('cost-dashboard-unit.png'), fullPage: true });
    await page.close();
  });

  it('tells a steering group member that the cost reports are not theirs', async () => {
    const page = await session.browser.newPage({ locale: 'sv-SE' });
    await page.goto(`${session.server.url}/logga-in`);
    await page.getByRole('button', { name: 'Ingrid Wikström' }).click();
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();
    assert.equal(await page.getByRole('navigation').getByRole('link', { name: 'Kostnader' }).count(), 0);
    await page.goto(`${session.server.url}/kostnader?ar=2026`);
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    assert.match(await textOf(refusal), /behörighet|visas för/);
    assert.equal(await page.getByRole('heading', { level: 2, name: 'Kostnad per månad', exact: true }).count(), 0);
    await page.close();
  });
});
