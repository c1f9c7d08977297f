import {
  hasRole,
  listNorrbusMeetings,
  loadFollowUpsByMeeting,
  loadInvitationsByMeeting,
  loadNorrbusMeetings,
  loadNorrbusMeetingsByPerson,
  loadParticipantsByMeeting,
  NORRBUS_MEETING_STATUSES,
  NORRBUS_ROLES,
  type Invitation,
  type NorrbusMeeting,
  type NorrbusMeetingStatus,
  type Participant,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { sessionOf, type Context } from '../context.js';
import { enumValues } from '../enum-values.js';
import { OrganisationRef } from '../units/organisation.js';
import { NorrbusPersonRef } from './person.js';

export const NorrbusMeetingStatusEnum = builder.enumType('NorrbusMeetingStatus', {
  description: 'Var mötet står (status).',
  values: enumValues<NorrbusMeetingStatus>(NORRBUS_MEETING_STATUSES, {
    planned: 'Initiativ taget; kallelsen är inte skickad.',
    invited: 'Kallat (kallelse skickad med syfte, tid och kallade).',
    held: 'Hållet, med anteckningar.',
    cancelled: 'Inställt.',
  }),
});

const InvitationRef = builder.objectRef<Invitation>('Invitation').implement({
  description: 'En organisation som kallelsen (kallelse) kallar till mötet.',
  fields: (t) => ({
    organisation: t.field({ type: OrganisationRef, description: 'Den kallade organisationen.', resolve: (i) => i.organisationId }),
    invitedOn: t.field({ type: 'Date', description: 'Dagen den kallades (datum).', resolve: (i) => i.invitedOn }),
  }),
});

const ParticipantRef = builder.objectRef<Participant>('Participant').implement({
  description: 'En deltagare (deltagare) i mötet: en yrkesperson med sin organisations mandat, eller den unge eller en vårdnadshavare.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Deltagarens id.' }),
    organisation: t.field({ type: OrganisationRef, nullable: true, description: 'Organisationen; tom för den unge och vårdnadshavare.', resolve: (p) => p.organisationId }),
    name: t.exposeString('name', { description: 'Namn.' }),
    role: t.exposeString('role', { description: 'Roll, t.ex. skolkurator eller vårdnadshavare.' }),
    mandate: t.exposeString('mandate', { nullable: true, description: 'Mandat att besluta om insatser för sin organisation (mandat).' }),
  }),
});

const convenedByViewer = (meeting: NorrbusMeeting, context: Context) => meeting.ownerId === context.actor?.organisationId;

// Declared before its fields, which refer back to it (follow-ups, the meeting followed up).
export const NorrbusMeetingRef = builder.loadableNodeRef('NorrbusMeeting', {
  id: { resolve: (meeting: NorrbusMeeting) => meeting.id },
  load: (ids: string[], context) => loadNorrbusMeetings(sessionOf(context), ids),
  sort: (meeting) => meeting.id,
});

NorrbusMeetingRef.implement({
  description:
    'Ett Norrbusmöte (Norrbusmöte) om en ung person: initiativ, kallelse, deltagare, anteckningar och åtaganden; ett uppföljande möte pekar på mötet det följer upp. Den sammankallande organisationen ser mötet; en kallad bara medan ett samtycke som gäller nämner den. Varje läsning loggas.',
  authScopes: { anyRole: [...NORRBUS_ROLES] },
  fields: (t) => ({
    person: t.field({
      type: NorrbusPersonRef,
      nullable: true,
      description: 'Den unge; tom om samtycket inte längre nämner din organisation.',
      resolve: (m) => m.personId,
    }),
    convener: t.field({ type: OrganisationRef, description: 'Sammankallande organisation (initierande verksamhet).', resolve: (m) => m.ownerId }),
    convenedByViewer: t.boolean({ description: 'Om din organisation är sammankallande.', resolve: (m, _args, context) => convenedByViewer(m, context) }),
    followUpOf: t.field({ type: NorrbusMeetingRef, nullable: true, description: 'Mötet som detta uppföljande möte följer upp.', resolve: (m) => m.followUpOfId }),
    initiatedOn: t.field({ type: 'Date', description: 'Dagen initiativet togs (datum).', resolve: (m) => m.initiatedOn }),
    initiativeReason: t.exposeString('initiativeReason', { description: 'Skälet till initiativet (behov av möte).' }),
    purpose: t.exposeString('purpose', { nullable: true, description: 'Syftet med mötet enligt kallelsen (syfte).' }),
    scheduledAt: t.field({ type: 'DateTime', nullable: true, description: 'Tid för mötet enligt kallelsen (tid).', resolve: (m) => m.scheduledAt }),
    location: t.exposeString('location', { nullable: true, description: 'Plats.' }),
    twoPartyReason: t.exposeString('twoPartyReason', { nullable: true, description: 'Skälet till att bara två parter deltar (undantag).' }),
    status: t.field({ type: NorrbusMeetingStatusEnum, description: 'Status.', resolve: (m) => m.status }),
    heldOn: t.field({ type: 'Date', nullable: true, description: 'Dagen mötet hölls (datum).', resolve: (m) => m.heldOn }),
    notes: t.exposeString('notes', { nullable: true, description: 'Anteckningar från mötet (minnesanteckningar).' }),
    coordinator: t.field({ type: OrganisationRef, nullable: true, description: 'Samordnande organisation (samordningsansvar); socialtjänsten när den unge är placerad utanför hemmet.', resolve: (m) => m.coordinatorOrgId }),
    followUpConvener: t.field({
      type: OrganisationRef,
      description: 'Den som kallar till uppföljande möte: den sammankallande, eller den part mötet utsåg.',
      resolve: (m) => m.followUpConvenerOrgId ?? m.ownerId,
    }),
    canCallFollowUp: t.boolean({
      description: 'Om du får kalla till uppföljande möte: mötet är hållet och din organisation kallar till uppföljningen.',
      resolve: (m, _args, context) => m.status === 'held' && context.actor !== null && hasRole(context.actor, 'norrbus_convener') && (m.followUpConvenerOrgId ?? m.ownerId) === context.actor.organisationId,
    }),
    invitations: t.loadableGroup({
      type: InvitationRef,
      description: 'De kallade organisationerna (kallelse).',
      load: (ids: string[], context) => loadInvitationsByMeeting(sessionOf(context), ids),
      group: (i) => i.meetingId,
      resolve: (m) => m.id,
    }),
    participants: t.loadableGroup({
      type: ParticipantRef,
      description: 'Deltagarna med sina mandat (deltagare).',
      load: (ids: string[], context) => loadParticipantsByMeeting(sessionOf(context), ids),
      group: (p) => p.meetingId,
      resolve: (m) => m.id,
    }),
    followUps: t.loadableGroup({
      type: NorrbusMeetingRef,
      description: 'Uppföljande möten (uppföljande möte) av detta möte, äldst först.',
      load: (ids: string[], context) => loadFollowUpsByMeeting(sessionOf(context), ids),
      group: (m) => (m as NorrbusMeeting).followUpOfId!,
      resolve: (m) => m.id,
    }),
    version: t.exposeInt('version', { description: 'Version, skickas med vid ändring så att ingen skriver över någon annans ändring.' }),
  }),
});

builder.objectField(NorrbusPersonRef, 'meetings', (t) =>
  t.loadableGroup({
    type: NorrbusMeetingRef,
    description: 'Den unges Norrbusmöten som din organisation får se, senaste först.',
    load: (personIds: string[], context) => loadNorrbusMeetingsByPerson(sessionOf(context), personIds),
    group: (m) => (m as NorrbusMeeting).personId,
    resolve: (p) => p.id,
  }),
);

builder.queryFields((t) => ({
  norrbusMeeting: t.field({
    type: NorrbusMeetingRef,
    nullable: true,
    description: 'Ett Norrbusmöte, om din organisation får se det.',
    authScopes: { anyRole: [...NORRBUS_ROLES] },
    args: { id: t.arg.globalID({ required: true, for: NorrbusMeetingRef, description: 'Mötets id.' }) },
    resolve: (_root, args) => args.id.id,
  }),
  norrbusMeetings: t.field({
    type: [NorrbusMeetingRef],
    description: 'Norrbusmöten som din organisation kallar till eller är kallad till (och får se), senaste först.',
    authScopes: { anyRole: [...NORRBUS_ROLES] },
    args: {
      statuses: t.arg({ type: [NorrbusMeetingStatusEnum], required: false, description: 'Bara möten med dessa statusar.' }),
      limit: t.arg.int({ required: false, defaultValue: 100, description: 'Högst så många (1–500).' }),
    },
    resolve: (_root, args, context) => listNorrbusMeetings(sessionOf(context), { statuses: args.statuses ?? null, limit: args.limit ?? 100 }),
  }),
}));
