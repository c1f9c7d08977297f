import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, addMonths, testPersonalIdentityNumber, todayInSweden } from '@samverka/domain';
import { screenshotPath, useBrowserSession } from '../support/browser-session.js';

const session = useBrowserSession();

describe('a child’s record in the browser', () => {
  it('a social worker registers a child, records the decision and places the child, seeing the refusal of a start before the decision', async () => {
    const today = todayInSweden();
    const page = await session.browser.newPage({ locale: 'sv-SE' });
    await page.goto(`${session.server.url}/logga-in`);
    await page.getByRole('button', { name: 'Sara Nilsson' }).click();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Barn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Barn' }).waitFor();

    await page.getByRole('button', { name: 'Nytt barn' }).click();
    await page.getByRole('textbox', { name: 'Personnummer', exact: true }).fill(testPersonalIdentityNumber(addDays(addMonths(today, -12 * 6), -50), 4));
    await page.getByLabel('Förnamn').fill('Selma');
    await page.getByLabel('Efternamn').fill('Granlund');
    await page.getByLabel('Namn, vårdnadshavare 1').fill('Linda Granlund');
    await page.getByRole('button', { name: 'Registrera barnet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Selma Granlund' }).waitFor();

    await page.getByRole('button', { name: 'Registrera beslut' }).click();
    await page.getByLabel('Beslutsdatum').fill(addDays(today, -3));
    await page.getByLabel('Nämndens namn eller beslutsfattarens befattning').fill('Sociala myndighetsnämnden');
    await page.locator('form').getByRole('button', { name: 'Registrera beslut' }).click();
    await page.getByText('Beslutet är registrerat.').waitFor();
    await page.getByRole('cell', { name: 'Väntar på verkställighet' }).waitFor();

    await page.getByRole('button', { name: 'Placera barnet' }).click();
    const home = page.getByLabel('Familjehem', { exact: true });
    await home.locator('option').nth(1).waitFor({ state: 'attached' });
    await home.selectOption({ index: 1 });
    const homeName = (await home.locator('option').nth(1).textContent())!.split(',')[0]!;
    await page.getByLabel('Start', { exact: true }).fill(addDays(today, -10));
    await page.locator('form').getByRole('button', { name: 'Placera barnet' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Barnet kunde inte placeras' });
    await refusal.getByText(`Placeringen kan inte börja före beslutet (${addDays(today, -3)}).`).waitFor();

    await page.getByLabel('Start', { exact: true }).fill(today);
    await page.locator('form').getByRole('button', { name: 'Placera barnet' }).click();
    await page.getByText('Barnet är placerat.').waitFor();
    const placements = page.getByRole('region', { name: 'Placeringar' });
    await placements.getByRole('rowheader', { name: new RegExp(homeName) }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 2, name: 'Uppföljning' }).count(), 1);
    await page.screenshot({ path: screenshotPath('child-record.png'), fullPage: true });
    await page.close();
  });
});
