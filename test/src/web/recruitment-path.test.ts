import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testPersonalIdentityNumber, todayInSweden } from '@samverka/domain';
import { answered, screenshotPath, signIn, useBrowserSession } from '../support/browser-session.js';

const session = useBrowserSession();

/**
 * The basic training ("Ett hem att växa i") is months of evenings; the path records it over the
 * API with the same user's rights, so the browser part stays on what this test is about.
 */
async function completeBasicTraining(recruitmentId: string) {
  const token = await session.server.signIn('anna.lind@familjehem-norra.se');
  const today = todayInSweden();
  const { data } = await session.server.graphql(
    token,
    `query($id: ID!) { recruitment(id: $id) { fosterHome { householdMembers { id role } } } trainingCourses(filter: { requiredForApproval: true }) { id sessionsRequired sessions { id heldOn } } }`,
    { id: recruitmentId },
  );
  const adults = data!.recruitment.fosterHome.householdMembers.filter((m: { role: string }) => m.role === 'ADULT').map((m: { id: string }) => m.id);
  for (const course of data!.trainingCourses) {
    const held = course.sessions.filter((s: { heldOn: string }) => s.heldOn <= today).slice(0, course.sessionsRequired);
    for (const meeting of held) {
      const attended = await session.server.graphql(token, `mutation($input: RecordTrainingAttendanceInput!) { recordTrainingAttendance(input: $input) { __typename } }`, {
        input: { sessionId: meeting.id, householdMemberIds: adults },
      });
      assert.equal(attended.data!.recordTrainingAttendance.__typename, 'MutationRecordTrainingAttendanceSuccess');
    }
    for (const adult of adults) {
      const completed = await session.server.graphql(token, `mutation($input: RecordTrainingCompletionInput!) { recordTrainingCompletion(input: $input) { __typename } }`, {
        input: { courseId: course.id, householdMemberId: adult, completedOn: today },
      });
      assert.equal(completed.data!.recordTrainingCompletion.__typename, 'MutationRecordTrainingCompletionSuccess');
    }
  }
}

describe('a foster home from inquiry to a free place, in the browser', () => {
  it('an inquiry becomes an approved home that a placing municipality finds as a free place in matching', async () => {
    const page = await session.browser.newPage({ locale: 'sv-SE' });
    await signIn(page, session.server, 'Anna Lind');

    // Intresseanmälan
    await page.getByRole('navigation').getByRole('link', { name: 'Rekrytering' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rekrytering' }).waitFor();
    await page.getByRole('button', { name: 'Ny intresseanmälan' }).click();
    const inquiry = page.getByRole('form', { name: 'Ny intresseanmälan' });
    await inquiry.getByLabel('Familjens namn').fill('Familjen Vretblad');
    await inquiry.getByLabel('Slag av familjehem').selectOption({ label: 'Eget familjehem' });
    await inquiry.getByLabel('Gatuadress').fill('Prästgatan 7');
    await inquiry.getByLabel('Postnummer').fill('713 30');
    await inquiry.getByLabel('Ort').fill('Nora');
    await inquiry.getByLabel('Kommun', { exact: true }).selectOption({ label: 'Nora kommun' });
    const person = inquiry.getByRole('group', { name: 'Person 1' });
    await person.getByLabel('Förnamn').fill('Ingela');
    await person.getByLabel('Efternamn').fill('Vretblad');
    await person.getByLabel('Personnummer').fill(testPersonalIdentityNumber('1979-04-16', 7));
    await inquiry.getByLabel('Källa', { exact: true }).selectOption({ label: 'Kampanj' });
    await inquiry.getByRole('button', { name: 'Registrera intresseanmälan' }).click();
    await page.getByText('Intresseanmälan är registrerad.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Familjen Vretblad' }).waitFor();
    const recruitmentId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);

    // Informationsträff and grundutbildning, each dated and signed
    const nextStep = page.getByRole('button', { name: 'Registrera nästa steg' });
    await nextStep.click();
    await page.getByText('Familjen är nu i steget Informationsträff/inledande samtal.').waitFor();
    await nextStep.click();
    await page.getByText('Familjen är nu i steget Grundutbildning.').waitFor();
    await completeBasicTraining(recruitmentId);
    await nextStep.click();
    await page.getByText('Familjen är nu i steget Utredning.').waitFor();
    const timeline = page.getByRole('region', { name: 'Tidslinje' });
    assert.match((await timeline.textContent())!, /Anna Lind/);

    // Utredning: the checklist fills as checks, interviews, visits and references are recorded
    await page.getByRole('link', { name: 'Starta utredning' }).click();
    await page.getByRole('button', { name: 'Starta utredning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utredning: Familjen Vretblad' }).waitFor();
    const checks = page.getByRole('form', { name: 'Registrera registerkontroll' });
    for (const register of ['Belastningsregistret', 'Misstankeregistret', 'Socialregistret', 'Kronofogden', 'Försäkringskassan']) {
      await checks.getByLabel('Register').selectOption({ label: register });
      await checks.getByLabel('Datum för samtycke').fill(todayInSweden());
      await checks.getByLabel('Inga uppgifter').check();
      await checks.getByRole('button', { name: 'Registrera registerkontroll' }).click();
      await page.getByText(`Kontrollen i ${register.toLowerCase()} för Ingela Vretblad är registrerad.`).waitFor();
    }
    const activities = page.getByRole('form', { name: 'Registrera moment' });
    for (const [kind, who] of [
      ['Intervju', 'Ingela Vretblad'],
      ['Hembesök', 'Ingela Vretblad'],
      ['Referens', 'Kerstin Åhl, arbetsgivare'],
      ['Referens', 'Lars Nordin, granne'],
    ] as const) {
      await activities.getByLabel('Slag av moment').selectOption({ label: kind });
      await activities.getByLabel('Vem deltog eller lämnade referensen').fill(who);
      await answered(page, 'recordAssessmentActivity', () => activities.getByRole('button', { name: 'Registrera moment' }).click());
    }
    const summary = page.getByRole('form', { name: 'Sammanfattning och rekommendation' });
    await summary.getByLabel('Sammanfattning').fill('Ingela har god förmåga att ge ett barn trygghet och kontinuitet.');
    await summary.getByLabel('Godkänn').check();
    await answered(page, 'updateAssessmentSummary', () => summary.getByRole('button', { name: 'Spara sammanfattning' }).click());
    await page.getByRole('button', { name: 'Skicka för beslut' }).click();
    await page.getByRole('heading', { name: 'Registrera beslut' }).waitFor();
    await page.screenshot({ path: screenshotPath('assessment-sent.png'), fullPage: true });

    // Beslut: approved by Nora's committee for one child aged 6–15
    const decision = page.getByRole('form', { name: 'Registrera beslut' });
    await decision.getByLabel('Godkänt', { exact: true }).check();
    await decision.getByLabel('Beslutande kommun').selectOption({ label: 'Nora kommun' });
    await decision.getByLabel('Nämnd', { exact: true }).check();
    await decision.getByLabel('Nämndens eller delegatens namn').fill('Sociala myndighetsnämnden');
    await decision.getByLabel('Uppdrag').selectOption({ label: 'Eget familjehem' });
    await decision.getByLabel('Antal barn').fill('1');
    await decision.getByLabel('Lägsta ålder (år)').fill('6');
    await decision.getByLabel('Högsta ålder (år)').fill('15');
    await decision.getByRole('button', { name: 'Registrera beslut' }).click();
    await page.getByRole('heading', { level: 2, name: 'Beslut' }).waitFor();
    await page.close();

    // Nora's child social worker searches for a home for a nine-year-old at school in Nora
    const nora = await session.browser.newPage({ locale: 'sv-SE' });
    await signIn(nora, session.server, 'Johan Ek');
    await nora.getByRole('navigation').getByRole('link', { name: 'Matchning' }).click();
    await nora.getByRole('heading', { level: 1, name: 'Matchning' }).waitFor();
    await nora.getByLabel('Barnets ålder (år)').fill('9');
    await nora.getByLabel('Kommun där barnet går i skolan').selectOption({ label: 'Nora kommun' });
    await nora.getByRole('button', { name: 'Sök familjehem' }).click();
    const candidates = nora.getByRole('heading', { level: 2, name: /^Förslag på familjehem/ });
    await candidates.waitFor();
    const match = nora.getByRole('heading', { level: 3, name: 'Familjen Vretblad' });
    await match.waitFor();
    const reasons = await nora.getByRole('list', { name: 'Skäl för Familjen Vretblad' }).textContent();
    assert.match(reasons!, /Nora/);
    await nora.screenshot({ path: screenshotPath('matching.png'), fullPage: true });

    // … and the same home stands in the free-places list, outside the approved age range it does not
    await nora.getByRole('navigation').getByRole('link', { name: 'Lediga platser' }).click();
    const freePlaces = nora.getByRole('table', { name: 'Lediga platser' });
    await freePlaces.getByRole('link', { name: 'Familjen Vretblad' }).waitFor();
    await nora.getByLabel('Barnets ålder (år)').fill('3');
    await answered(nora, 'freePlaces', () => nora.getByRole('button', { name: 'Visa lediga platser' }).click());
    await freePlaces.getByRole('link', { name: 'Familjen Vretblad' }).waitFor({ state: 'detached' });
    await nora.close();
  });
});
