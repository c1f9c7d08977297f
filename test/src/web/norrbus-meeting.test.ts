import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { addDays, addMonths, testPersonalIdentityNumber, todayInSweden } from '@samverka/domain';
import { answered, screenshotPath, useBrowserSession } from '../support/browser-session.js';

const session = useBrowserSession();
const today = todayInSweden();

/** Signs in from the sign-in page; a Norrbus user's start page has no foster homes to wait for, so the header is waited for. */
async function signInAs(page: Page, name: string): Promise<void> {
  await page.goto(`${session.server.url}/logga-in`);
  await page.getByRole('button', { name }).click();
  await page.locator('.site-header__name', { hasText: name }).waitFor();
}

async function openNorrbus(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Norrbusmöten' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mina Norrbusmöten och åtaganden' }).waitFor();
}

const IFO = 'Piteå kommun, Individ- och familjeomsorgen';
const HEALTH_CENTRE = 'Hälsocentralen Öjebyn';
const SCHOOL = 'Piteå kommun, Strömbackaskolan';
const ASSESSMENT = 'Bedömning av sömn och nedstämdhet';

describe('a Norrbusmöte in the browser, from the initiative to the follow-up', () => {
  it('Lisa Lundqvist calls a meeting under consent and documents two åtaganden; Mats Nyberg sees his open one until Lisa’s follow-up records it done', async () => {
    const lisa = await session.browser.newPage({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
    await signInAs(lisa, 'Lisa Lundqvist');
    await openNorrbus(lisa);
    await lisa.getByRole('link', { name: 'Nytt Norrbusmöte' }).click();

    const create = lisa.getByRole('form', { name: 'Nytt Norrbusmöte' });
    await create.getByLabel('Förnamn').fill('Saga');
    await create.getByLabel('Efternamn').fill('Webbström');
    await create.getByLabel('Personnummer').fill(testPersonalIdentityNumber(addDays(addMonths(today, -12 * 14), -40), 4));
    await create.getByRole('group', { name: 'Kön' }).getByLabel('Flicka').check();
    await create.getByLabel('Hemkommun').selectOption({ label: 'Piteå kommun' });
    await create.getByLabel('Vårdnadshavare 1').fill('Jenny Webbström');
    await create.getByLabel('Skäl till initiativet').fill('Hög frånvaro sedan höstlovet och oro för måendet.');
    await answered(lisa, 'createNorrbusMeeting', () => create.getByRole('button', { name: 'Skapa mötet' }).click());
    await lisa.getByRole('heading', { level: 1, name: 'Norrbusmöte: Saga Webbström' }).waitFor();
    const meetingUrl = lisa.url();

    // Consent a day back: row-level security counts days by the database's date, which may be behind Sweden's.
    const consent = lisa.getByRole('form', { name: 'Registrera samtycke' });
    assert.equal(await consent.getByLabel('Den unge (Saga)').isChecked(), true);
    assert.equal(await consent.getByLabel('Vårdnadshavare Jenny Webbström').isChecked(), true);
    for (const organisation of [SCHOOL, IFO, HEALTH_CENTRE]) {
      await consent.getByLabel(organisation, { exact: true }).check();
      await consent.getByLabel(`Vilka uppgifter ${organisation} får dela`).fill('Skolsituation, hälsa och pågående insatser.');
    }
    await consent.getByLabel('Dag för samtycket').fill(addDays(today, -1));
    await answered(lisa, 'recordNorrbusConsent', () => consent.getByRole('button', { name: 'Spara samtycket' }).click());
    await lisa.getByText('Samtycket är registrerat.').waitFor();
    await lisa.getByRole('table', { name: 'Samtycken, även återkallade' }).getByRole('row').filter({ hasText: 'Jenny Webbström' }).waitFor();

    const invite = lisa.getByRole('form', { name: 'Kallelse' });
    await invite.getByLabel('Syfte med mötet').fill('Få en gemensam bild av Sagas situation och komma överens om vem som gör vad.');
    await invite.getByLabel('Plats').fill('Strömbackaskolan');
    await invite.getByLabel(IFO, { exact: true }).check();
    await invite.getByLabel(HEALTH_CENTRE, { exact: true }).check();
    await answered(lisa, 'inviteToNorrbusMeeting', () => invite.getByRole('button', { name: 'Skicka kallelsen' }).click());
    await lisa.getByText('Kallelsen är skickad.').waitFor();

    const participant = lisa.getByRole('form', { name: 'Lägg till deltagare' });
    await participant.getByLabel('Organisation').selectOption({ label: HEALTH_CENTRE });
    await participant.getByLabel('Namn').fill('Mats Nyberg');
    await participant.getByLabel('Roll').fill('Distriktsläkare');
    await participant.getByLabel('Mandat').fill('Beslutar om bedömning och behandling i primärvården.');
    await answered(lisa, 'addNorrbusParticipants', () => participant.getByRole('button', { name: 'Lägg till deltagare' }).click());
    await lisa.getByText('Mats Nyberg är tillagd som deltagare.').waitFor();

    const held = lisa.getByRole('form', { name: 'Registrera att mötet hölls' });
    await held.getByLabel('Anteckningar').fill('Saga och Jenny deltog. Vi enades om stöd i skolan och en bedömning på hälsocentralen.');
    await answered(lisa, 'recordNorrbusMeetingHeld', () => held.getByRole('button', { name: 'Spara' }).click());
    await lisa.getByText('Mötet är registrerat som hållet.').waitFor();

    const plan = lisa.getByRole('form', { name: 'Dokumentera åtaganden' });
    await plan.getByRole('button', { name: 'Lägg till åtagande' }).click();
    const commitments = [
      { group: 'Åtagande 1', organisation: HEALTH_CENTRE, intervention: ASSESSMENT, extent: 'Två besök', performer: 'Distriktssköterska och läkare', on: addDays(today, 30) },
      { group: 'Åtagande 2', organisation: SCHOOL, intervention: 'Anpassad studiegång', extent: 'Resten av terminen', performer: 'Mentor och specialpedagog', on: addDays(today, 45) },
    ];
    for (const c of commitments) {
      const row = plan.getByRole('group', { name: c.group });
      await row.getByLabel('Ansvarig organisation').selectOption({ label: c.organisation });
      await row.getByLabel('Insats').fill(c.intervention);
      await row.getByLabel('Omfattning').fill(c.extent);
      await row.getByLabel('Utförare').fill(c.performer);
      await row.getByLabel('Uppföljningsdatum').fill(c.on);
    }
    await answered(lisa, 'documentNorrbusCommitments', () => plan.getByRole('button', { name: 'Spara åtagandena' }).click());
    await lisa.getByText('2 åtaganden är dokumenterade.').waitFor();
    const planTable = lisa.getByRole('table', { name: 'Mötets åtaganden' });
    await planTable.getByRole('row').filter({ hasText: ASSESSMENT }).waitFor();
    await lisa.screenshot({ path: screenshotPath('norrbus-meeting.png'), fullPage: true });

    const mats = await session.browser.newPage({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
    await signInAs(mats, 'Mats Nyberg');
    await openNorrbus(mats);
    const open = mats.getByRole('table', { name: 'Öppna åtaganden, försenade först' });
    const matsRow = open.getByRole('row').filter({ hasText: ASSESSMENT }).filter({ hasText: 'Saga Webbström' });
    await matsRow.waitFor();
    assert.match((await matsRow.textContent())!, /Om 30 dagar/);
    assert.equal(await open.getByRole('row').filter({ hasText: 'Anpassad studiegång' }).filter({ hasText: 'Saga Webbström' }).count(), 0, 'the school’s åtagande is not Mats’s');
    const states = await open.locator('tbody tr td:last-child').allTextContents();
    const firstNotOverdue = states.findIndex((text) => !text.startsWith('Försenat'));
    assert.ok(firstNotOverdue === -1 || states.slice(firstNotOverdue).every((text) => !text.startsWith('Försenat')), 'overdue åtaganden come first');
    await mats.screenshot({ path: screenshotPath('norrbus-participant-view.png'), fullPage: true });

    await lisa.goto(meetingUrl);
    const call = lisa.getByRole('form', { name: 'Kalla till uppföljande möte' });
    await call.getByLabel('Dag', { exact: true }).fill(addDays(today, 1));
    await answered(lisa, 'callNorrbusFollowUp', () => call.getByRole('button', { name: 'Kalla till uppföljande möte' }).click());
    await lisa.getByText('Uppföljande möte av').waitFor();
    const followUp = lisa.getByRole('form', { name: 'Registrera uppföljningen' });
    await followUp.getByLabel('Dag då mötet hölls').fill(today);
    await followUp.getByLabel('Anteckningar').fill('Bedömningen är gjord. Skolans anpassningar fortsätter.');
    await followUp.getByRole('group', { name: new RegExp(ASSESSMENT) }).getByLabel('Genomfört', { exact: true }).check();
    await answered(lisa, 'recordNorrbusFollowUp', () => followUp.getByRole('button', { name: 'Spara uppföljningen' }).click());
    await lisa.getByText('Uppföljningen är registrerad med utfall för 1 åtagande.').waitFor();
    const followed = lisa.getByRole('table', { name: 'Åtaganden från mötet som följs upp' });
    await followed.getByRole('row').filter({ hasText: ASSESSMENT }).filter({ hasText: `Genomfört ${today}` }).waitFor();
    assert.match((await followed.getByRole('row').filter({ hasText: 'Anpassad studiegång' }).textContent())!, /Öppet/);
    await lisa.screenshot({ path: screenshotPath('norrbus-follow-up.png'), fullPage: true });

    await mats.reload();
    await mats.getByRole('heading', { level: 1, name: 'Mina Norrbusmöten och åtaganden' }).waitFor();
    await open.waitFor();
    assert.equal(await open.getByRole('row').filter({ hasText: ASSESSMENT }).filter({ hasText: 'Saga Webbström' }).count(), 0, 'the åtagande done leaves the open list');
    await lisa.close();
    await mats.close();
  });
});
