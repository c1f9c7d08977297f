import { currentApproval, toHomeDecision, type HomeDecision } from '../assessments/approvals.js';
import { addDays, addMonths } from '../shared/dates.js';
import { testPersonalIdentityNumber, type DemoContext, type DemoHome } from './demo-data.js';

const CHILD_NAMES: ReadonlyArray<readonly [name: string, gender: 'girl' | 'boy']> = [
  ['Elsa', 'girl'], ['Liam', 'boy'], ['Alice', 'girl'], ['Noah', 'boy'], ['Maja', 'girl'], ['Hugo', 'boy'],
  ['Vera', 'girl'], ['William', 'boy'], ['Selma', 'girl'], ['Oscar', 'boy'], ['Wilma', 'girl'], ['Elias', 'boy'],
  ['Saga', 'girl'], ['Lucas', 'boy'], ['Astrid', 'girl'], ['Adam', 'boy'], ['Nour', 'girl'], ['Yusuf', 'boy'],
];
const CHILD_FAMILY_NAMES = ['Lindqvist', 'Holmberg', 'Sundström', 'Nyström', 'Hedlund', 'Virtanen', 'Ahmed', 'Öberg', 'Blom', 'Åkesson', 'Ali', 'Strand'];

/** Swedish in every home; some also speak the languages the unit's children most often have. */
const EXTRA_LANGUAGES: ReadonlyArray<readonly [language: string, share: number]> = [
  ['arabiska', 0.12], ['finska', 0.08], ['engelska', 0.1], ['somaliska', 0.05], ['tigrinja', 0.04], ['persiska', 0.04],
];

/** Where the unit's children come from: Lindesberg places most, as in its figures. */
const PLACING_SHARES: ReadonlyArray<readonly [municipalityKey: string, share: number]> = [
  ['lindesberg', 0.55], ['nora', 0.2], ['hallefors', 0.15], ['ljusnarsberg', 0.1],
];

interface PlannedPlacement {
  readonly home: DemoHome;
  readonly approval: HomeDecision;
  readonly placingId: string;
  /** Children placed together (siblings) share a family name and a start. */
  readonly children: number;
}

/**
 * Languages for the demo homes, and a handful of children placed in them: some of the unit's own
 * homes and one emergency home are full, others have a place left, most are free; Lindesberg's
 * own network and consultant-supported homes each take a Lindesberg child.
 */
export async function loadPlacementsDemo(context: DemoContext): Promise<void> {
  const { trx, next, today } = context;
  await assignLanguages(context);

  const homeIds = context.homes.map((home) => home.id);
  if (homeIds.length === 0) return;
  const active = new Set(
    (await trx.selectFrom('foster_homes').select('id').where('id', 'in', homeIds).where('status', '=', 'active').execute()).map((row) => row.id),
  );
  const decisionsByHome = new Map<string, HomeDecision[]>();
  for (const row of await trx.selectFrom('home_decisions').selectAll().where('foster_home_id', 'in', homeIds).execute()) {
    decisionsByHome.set(row.foster_home_id, [...(decisionsByHome.get(row.foster_home_id) ?? []), toHomeDecision(row)]);
  }
  const approvals = new Map<string, HomeDecision>();
  for (const [homeId, decisions] of decisionsByHome) {
    const approval = currentApproval(decisions, today);
    if (active.has(homeId) && approval?.conditions) approvals.set(homeId, approval);
  }
  const usable = (kind: DemoHome['kind'], ownerId: string) => context.homes.filter((home) => home.kind === kind && home.ownerId === ownerId && approvals.has(home.id));
  const placingMunicipality = () => {
    let draw = next();
    for (const [key, share] of PLACING_SHARES) {
      draw -= share;
      if (draw < 0) return context.organisationIds.get(key)!;
    }
    return context.organisationIds.get('lindesberg')!;
  };
  const plan: PlannedPlacement[] = [];
  const fill = (home: DemoHome, placingId: string, children: number, together: boolean) => {
    const approval = approvals.get(home.id)!;
    if (together) plan.push({ home, approval, placingId, children });
    else for (let c = 0; c < children; c += 1) plan.push({ home, approval, placingId: c === 0 ? placingId : placingMunicipality(), children: 1 });
  };

  const lindesberg = context.organisationIds.get('lindesberg')!;
  // Six own homes full (the first two-place one with siblings), two with one place left.
  usable('own', context.unitId).slice(0, 8).forEach((home, index) => {
    const places = approvals.get(home.id)!.conditions!.places;
    if (index < 6) fill(home, placingMunicipality(), places, index === 0 && places > 1);
    else if (places > 1) fill(home, placingMunicipality(), 1, false);
  });
  // Emergency homes: one full, one with a place left, one empty and ready.
  usable('emergency', context.unitId).slice(0, 2).forEach((home, index) => {
    fill(home, index === 0 ? lindesberg : context.organisationIds.get('nora')!, index === 0 ? approvals.get(home.id)!.conditions!.places : 1, false);
  });
  for (const home of [...usable('network', lindesberg).slice(0, 2), ...usable('consultant_supported', lindesberg).slice(0, 1)]) {
    fill(home, lindesberg, 1, false);
  }

  for (const placement of plan) {
    const { conditions } = placement.approval;
    const familyName = CHILD_FAMILY_NAMES[Math.floor(next() * CHILD_FAMILY_NAMES.length)]!;
    // Emergency placements are recent; others began up to four years ago, never before the home was approved.
    const monthsAgo = placement.home.kind === 'emergency' ? Math.floor(next() * 3) : 2 + Math.floor(next() * 46);
    let startsOn = [addDays(addMonths(today, -monthsAgo), -Math.floor(next() * 28)), placement.approval.decidedOn].sort().at(-1)!;
    for (let c = 0; c < placement.children; c += 1) {
      const min = conditions!.minChildAge ?? 0;
      const max = conditions!.maxChildAge ?? 17;
      const age = min + Math.floor(next() * (max - min + 1));
      // Born 1–12 months before the birthday that makes the child `age` today.
      const birthDate = addDays(addMonths(today, -12 * age), -(30 + Math.floor(next() * 330)));
      startsOn = [startsOn, addDays(birthDate, 14)].sort().at(-1)!;
      const [givenName, gender] = CHILD_NAMES[Math.floor(next() * CHILD_NAMES.length)]!;
      const child = await trx
        .insertInto('children')
        .values({
          owner_org_id: placement.placingId,
          given_name: givenName,
          family_name: familyName,
          personal_identity_number: testPersonalIdentityNumber(birthDate, context.nextSerial()),
          birth_date: birthDate,
          gender,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('placements')
        .values({ owner_org_id: placement.placingId, child_id: child.id, foster_home_id: placement.home.id, starts_on: startsOn })
        .execute();
    }
  }
}

/** One update per distinct set of languages, so even a scaled demo sets them in a few statements. */
async function assignLanguages(context: DemoContext): Promise<void> {
  const bySet = new Map<string, string[]>();
  for (const home of context.homes) {
    const languages = ['svenska', ...EXTRA_LANGUAGES.filter(([, share]) => context.next() < share).map(([language]) => language)];
    const key = languages.join(',');
    bySet.set(key, [...(bySet.get(key) ?? []), home.id]);
  }
  for (const [key, ids] of bySet) {
    for (let start = 0; start < ids.length; start += 1000) {
      await context.trx.updateTable('foster_homes').set({ languages: key.split(',') }).where('id', 'in', ids.slice(start, start + 1000)).execute();
    }
  }
}
