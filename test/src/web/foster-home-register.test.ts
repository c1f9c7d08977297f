import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenshotPath, useBrowserSession } from '../support/browser-session.js';

const session = useBrowserSession();

describe('the foster-home register in the browser', () => {
  it('a foster-care social worker signs in, finds a home in the register and opens it', async () => {
    const page = await session.browser.newPage({ locale: 'sv-SE' });
    await page.goto(`${session.server.url}/`);
    await page.getByRole('button', { name: 'Anna Lind' }).click();
    const register = page.getByRole('table', { name: 'Familjehem' });
    await register.waitFor();
    await page.screenshot({ path: screenshotPath('register.png'), fullPage: true });
    const firstHome = register.getByRole('link').first();
    const name = (await firstHome.textContent())!.trim();
    assert.match(name, /^Familjen /);
    await firstHome.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    // The household is person data: shown to the unit, and its reading is logged.
    await page.getByText(/loggas/).first().waitFor();
    await page.screenshot({ path: screenshotPath('foster-home.png'), fullPage: true });
    await page.close();
  });

  it('the register can be used by keyboard alone', async () => {
    const page = await session.browser.newPage({ locale: 'sv-SE' });
    await page.goto(`${session.server.url}/logga-in`);
    const button = page.getByRole('button', { name: 'Erik Berg' });
    await button.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name: 'Familjehem' }).waitFor();
    const firstLink = page.getByRole('table', { name: 'Familjehem' }).getByRole('link').first();
    await firstLink.focus();
    const name = (await firstLink.textContent())!.trim();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
    await page.close();
  });
});
