import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { answered, screenshotPath, useBrowserSession } from '../support/browser-session.js';

const session = useBrowserSession();

/** Signs in as a demo user by name (Norrbus users start where their organisation's menu takes them). */
async function signInAs(name: string): Promise<Page> {
  const page = await session.browser.newPage({ locale: 'sv-SE' });
  await page.goto(`${session.server.url}/logga-in`);
  await page.getByRole('button', { name }).click();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
  return page;
}

describe('avvikelser in the browser', () => {
  it('a school reports a deviation, the party analyses it, the school clears a de-identified summary and lifts it, and the steering group finds it by county part and category', async () => {
    let page = await signInAs('Lisa Lundqvist');
    await page.getByRole('navigation').getByRole('link', { name: 'Avvikelser', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Avvikelser' }).waitFor();
    const report = page.getByRole('form', { name: 'Rapportera en avvikelse' });
    await report.getByLabel('Kommun', { exact: true }).selectOption({ label: 'Piteå kommun' });
    await report.getByRole('group', { name: 'Vad hände?' }).getByLabel('Uppgifter delades utan samtycke').check();
    await report.getByLabel('Beskrivning').fill('Vid mötet den 3 november lämnades uppgifter till en part som samtycket inte omfattade.');
    await report.getByRole('group', { name: 'Berörda organisationer' }).getByLabel('Piteå kommun, Individ- och familjeomsorgen').check();
    await answered(page, 'reportDeviation', () => report.getByRole('button', { name: 'Rapportera avvikelse' }).click());
    await page.getByText('Avvikelsen är rapporterad.').waitFor();
    const url = page.url();
    await page.close();

    page = await signInAs('Sofia Backman');
    await page.goto(url);
    const analysis = page.getByRole('form', { name: 'Er analys' });
    await analysis.getByLabel('Analys').fill('Samtyckesblanketten var inte uppdaterad med den nya parten.');
    await answered(page, 'recordDeviationAnalysis', () => analysis.getByRole('button', { name: 'Registrera analys' }).click());
    await page.getByText('Analysen är registrerad.').waitFor();
    await page.close();

    page = await signInAs('Lisa Lundqvist');
    await page.goto(url);
    await page.getByText('Analyserad', { exact: true }).first().waitFor();
    const clear = page.getByRole('form', { name: 'Godkänn en avidentifierad sammanfattning' });
    await clear.getByLabel('Sammanfattning').fill('Gäller 20100314-9816, uppgifter delades utanför samtycket.');
    await answered(page, 'clearDeviationSummary', () => clear.getByRole('button', { name: 'Godkänn sammanfattning' }).click());
    await clear.getByRole('alert').filter({ hasText: 'personnummer' }).waitFor();
    await clear.getByLabel('Sammanfattning').fill('Skolan lämnade uppgifter till en part som samtycket inte omfattade.');
    await answered(page, 'clearDeviationSummary', () => clear.getByRole('button', { name: 'Godkänn sammanfattning' }).click());
    await page.getByText('Sammanfattningen är godkänd.').waitFor();
    const lift = page.getByRole('form', { name: 'Lyft till länsdel' });
    await answered(page, 'escalateDeviation', () => lift.getByRole('button', { name: 'Lyft avvikelsen' }).click());
    await page.getByText('Avvikelsen är lyft till länsdel.').waitFor();
    await page.screenshot({ path: screenshotPath('deviation-escalated.png'), fullPage: true });
    await page.close();

    page = await signInAs('Ingrid Wikström');
    await page.getByRole('navigation').getByRole('link', { name: 'Avvikelser i länet' }).click();
    const table = page.getByRole('table', { name: /per länsdel och kategori/ });
    await answered(page, 'steeringGroupDeviations', () => table.getByRole('link', { name: /^Södra Norrbotten, Uppgifter delades utan samtycke:/ }).click());
    await page.getByRole('heading', { level: 2, name: 'Avvikelser: Södra Norrbotten, uppgifter delades utan samtycke' }).waitFor();
    await page.getByText('Skolan lämnade uppgifter till en part som samtycket inte omfattade.').waitFor();
    await page.screenshot({ path: screenshotPath('steering-group-deviations.png'), fullPage: true });
    await page.close();
  });
});
