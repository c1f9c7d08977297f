import { encodeGlobalID } from '@pothos/plugin-relay';
import { followUpDashboard, type DashboardFollowUp, type FollowUpDashboard, type WorkerFollowUps } from '@samverka/domain';
import { builder } from '../builder.js';
import { sessionOf } from '../context.js';
import { OrganisationRef } from '../units/organisation.js';
import { FOLLOW_UP_WORKER_ROLES, FollowUpKindEnum, FollowUpStatusEnum, FollowUpWorkerRef } from './due-follow-up.js';

/**
 * The child a dashboard row is about: the dashboard has the names from its one statement, where
 * loading Child nodes would cost another statement and audit each child twice.
 */
const FollowUpChildRef = builder.objectRef<{ id: string; givenName: string; familyName: string }>('FollowUpChild').implement({
  description: 'Det placerade barn en uppföljning gäller (barn). Varje läsning loggas.',
  fields: (t) => ({
    id: t.id({ description: 'Barnets id (globalt id, samma som Child.id).', resolve: (c) => encodeGlobalID('Child', c.id) }),
    givenName: t.exposeString('givenName', { description: 'Förnamn.' }),
    familyName: t.exposeString('familyName', { description: 'Efternamn.' }),
  }),
});

const DashboardFollowUpRef = builder.objectRef<DashboardFollowUp>('DashboardFollowUp').implement({
  description: 'En försenad eller snart förfallande uppföljning av ett barn i enhetschefens översikt (uppföljning).',
  fields: (t) => ({
    child: t.field({ type: FollowUpChildRef, description: 'Barnet.', resolve: (item) => ({ id: item.childId, givenName: item.childGivenName, familyName: item.childFamilyName }) }),
    kind: t.field({ type: FollowUpKindEnum, description: 'Slag av uppföljning.', resolve: (item) => item.kind }),
    dueOn: t.field({ type: 'Date', description: 'Förfallodag.', resolve: (item) => item.dueOn }),
    status: t.field({ type: FollowUpStatusEnum, description: 'Försenad (OVERDUE) eller förfaller snart (DUE).', resolve: (item) => item.status }),
    daysOverdue: t.exposeInt('daysOverdue', { description: 'Dagar efter förfallodagen (dagar försenad); negativt: dagar kvar.' }),
    reference: t.exposeString('reference', { description: 'Lagrum (lagrum).' }),
  }),
});

const WorkerFollowUpsRef = builder.objectRef<WorkerFollowUps>('WorkerFollowUps').implement({
  description: 'En handläggares placerade barn (ärendemängd) och deras försenade och snart förfallande uppföljningar.',
  fields: (t) => ({
    worker: t.field({
      type: FollowUpWorkerRef,
      nullable: true,
      description: 'Barnens socialsekreterare (handläggare); null för barn som saknar handläggare.',
      resolve: (w) => (w.workerId ? { id: w.workerId, displayName: w.workerName ?? 'tidigare medarbetare' } : null),
    }),
    caseload: t.exposeInt('caseload', { description: 'Antal placerade barn i dag (ärendemängd).' }),
    overdue: t.field({ type: [DashboardFollowUpRef], description: 'Försenade uppföljningar, äldst först.', resolve: (w) => [...w.overdue] }),
    dueSoon: t.field({ type: [DashboardFollowUpRef], description: 'Uppföljningar som förfaller inom de valda dagarna.', resolve: (w) => [...w.dueSoon] }),
  }),
});

const FollowUpDashboardRef = builder.objectRef<FollowUpDashboard>('FollowUpDashboard').implement({
  description: 'Enhetschefens översikt över uppföljningen av kommunens placerade barn (uppföljningsöversikt): försenat först, per handläggare.',
  fields: (t) => ({
    municipality: t.field({ type: OrganisationRef, description: 'Kommunen (placerande kommun).', resolve: (d) => d.municipalityId }),
    day: t.field({ type: 'Date', description: 'Dagen översikten gäller (datum).', resolve: (d) => d.day }),
    withinDays: t.exposeInt('withinDays', { description: 'Hur många dagar framåt som räknas som snart (dagar).' }),
    caseload: t.exposeInt('caseload', { description: 'Antal placerade barn i dag (ärendemängd).' }),
    overdueCount: t.exposeInt('overdueCount', { description: 'Antal försenade uppföljningar.' }),
    dueSoonCount: t.exposeInt('dueSoonCount', { description: 'Antal uppföljningar som förfaller snart.' }),
    workers: t.field({ type: [WorkerFollowUpsRef], description: 'Per handläggare, flest försenade först.', resolve: (d) => [...d.workers] }),
  }),
});

builder.queryField('followUpDashboard', (t) =>
  t.field({
    type: FollowUpDashboardRef,
    description: 'Försenade och snart förfallande uppföljningar per handläggare, och varje handläggares ärendemängd: en enhetschef ser hela kommunen, en socialsekreterare sina egna barn.',
    authScopes: { anyRole: [...FOLLOW_UP_WORKER_ROLES] },
    args: { withinDays: t.arg.int({ required: false, defaultValue: 30, description: 'Dagar framåt som räknas som snart (0–365).' }) },
    resolve: (_root, args, context) => followUpDashboard(sessionOf(context), { withinDays: args.withinDays }),
  }),
);
