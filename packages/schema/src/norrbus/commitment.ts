import {
  COMMITMENT_OUTCOMES,
  daysBetween,
  loadCommitments,
  loadCommitmentsByMeeting,
  myNorrbusOverview,
  NORRBUS_ROLES,
  todayInSweden,
  type Commitment,
  type CommitmentOutcome,
  type NorrbusOverview,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { sessionOf } from '../context.js';
import { enumValues } from '../enum-values.js';
import { OrganisationRef } from '../units/organisation.js';
import { NorrbusMeetingRef } from './meeting.js';

export const CommitmentOutcomeEnum = builder.enumType('CommitmentOutcome', {
  description: 'Vad uppföljningen visade om åtagandet (utfall).',
  values: enumValues<CommitmentOutcome>(COMMITMENT_OUTCOMES, { done: 'Genomfört.', partly_done: 'Delvis genomfört.', not_done: 'Inte genomfört.' }),
});

/** Days past the follow-up date of an åtagande not yet followed up; null once it has an outcome. */
const daysOverdue = (c: Commitment) => (c.outcome ? null : daysBetween(c.followUpOn, todayInSweden()));

export const CommitmentRef = builder.loadableNode('Commitment', {
  description:
    'Ett åtagande (åtagande) i mötets plan: ansvarig organisation, insats, omfattning, utförare och hur och när det följs upp; utfallet när det följts upp. Varje läsning loggas.',
  authScopes: { anyRole: [...NORRBUS_ROLES] },
  id: { resolve: (commitment: Commitment) => commitment.id },
  load: (ids: string[], context) => loadCommitments(sessionOf(context), ids),
  sort: (commitment) => commitment.id,
  fields: (t) => ({
    meeting: t.field({ type: NorrbusMeetingRef, description: 'Mötet där åtagandet beslutades.', resolve: (c) => c.meetingId }),
    responsibleOrganisation: t.field({ type: OrganisationRef, description: 'Ansvarig organisation (ansvarig).', resolve: (c) => c.responsibleOrgId }),
    intervention: t.exposeString('intervention', { description: 'Insatsen (insats).' }),
    extent: t.exposeString('extent', { description: 'Omfattning (omfattning).' }),
    performer: t.exposeString('performer', { description: 'Vem som utför insatsen (utförare).' }),
    followUpMethod: t.exposeString('followUpMethod', { description: 'Hur åtagandet följs upp (uppföljning).' }),
    followUpOn: t.field({ type: 'Date', description: 'När åtagandet följs upp (uppföljningsdatum).', resolve: (c) => c.followUpOn }),
    outcome: t.field({ type: CommitmentOutcomeEnum, nullable: true, description: 'Utfallet vid uppföljningen; tomt medan åtagandet är öppet.', resolve: (c) => c.outcome }),
    outcomeOn: t.field({ type: 'Date', nullable: true, description: 'Dagen utfallet registrerades (datum).', resolve: (c) => c.outcomeOn }),
    outcomeNote: t.exposeString('outcomeNote', { nullable: true, description: 'Kommentar till utfallet.' }),
    daysOverdue: t.int({ nullable: true, description: 'Dagar efter uppföljningsdatumet (dagar försenat); negativt: dagar kvar. Tomt när utfallet är registrerat.', resolve: daysOverdue }),
    overdue: t.boolean({ description: 'Försenat: öppet och uppföljningsdatumet har passerat.', resolve: (c) => (daysOverdue(c) ?? 0) > 0 }),
  }),
});

builder.objectField(NorrbusMeetingRef, 'commitments', (t) =>
  t.loadableGroup({
    type: CommitmentRef,
    description: 'Mötets åtaganden (plan).',
    load: (ids: string[], context) => loadCommitmentsByMeeting(sessionOf(context), ids),
    group: (c) => (c as Commitment).meetingId,
    resolve: (m) => m.id,
  }),
);

const NorrbusOverviewRef = builder.objectRef<NorrbusOverview>('NorrbusOverview').implement({
  description: 'Min organisations Norrbus (översikt): kommande möten och våra öppna åtaganden, försenade först.',
  fields: (t) => ({
    organisation: t.field({ type: OrganisationRef, description: 'Din organisation.', resolve: (o) => o.organisationId }),
    day: t.field({ type: 'Date', description: 'Dagen översikten gäller (datum).', resolve: (o) => o.day }),
    upcomingMeetings: t.field({
      type: [NorrbusMeetingRef],
      description: 'Möten som ännu inte hållits som din organisation kallar till eller är kallad till, närmast först.',
      resolve: (o) => [...o.upcomingMeetings],
    }),
    openCommitments: t.field({
      type: [CommitmentRef],
      description: 'Åtaganden som din organisation ansvarar för och som inte följts upp: försenade först, sedan efter uppföljningsdatum.',
      resolve: (o) => [...o.openCommitments],
    }),
  }),
});

builder.queryField('myNorrbusOverview', (t) =>
  t.field({
    type: NorrbusOverviewRef,
    description: 'Mina Norrbusmöten och åtaganden: din organisations kommande möten och öppna åtaganden, försenade först.',
    authScopes: { anyRole: [...NORRBUS_ROLES] },
    resolve: (_root, _args, context) => myNorrbusOverview(sessionOf(context)),
  }),
);
