import {
  addNorrbusParticipants,
  callNorrbusFollowUp,
  createNorrbusMeeting,
  documentNorrbusCommitments,
  inviteToNorrbusMeeting,
  NORRBUS_ROLES,
  recordNorrbusConsent,
  recordNorrbusFollowUp,
  recordNorrbusMeetingHeld,
  updateNorrbusPerson,
  withdrawNorrbusConsent,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { inMutation } from '../context.js';
import { MUTATION_ERRORS } from '../errors.js';
import { OrganisationRef } from '../units/organisation.js';
import { CommitmentOutcomeEnum, CommitmentRef } from './commitment.js';
import { ConsentGiverEnum } from './consent.js';
import { NorrbusGenderEnum } from './gender.js';
import { NorrbusMeetingRef } from './meeting.js';
import { NorrbusPersonRef } from './person.js';

const CONVENERS = { anyRole: ['norrbus_convener'] } as const;

const NorrbusPersonInput = builder.inputType('NorrbusPersonInput', {
  description: 'En ung person (den unge) att registrera: personnummer eller bara födelsedatum, kön, hemkommun, vårdnadshavare och om hen är placerad utanför hemmet.',
  fields: (t) => ({
    givenName: t.string({ required: true, description: 'Förnamn.' }),
    familyName: t.string({ required: true, description: 'Efternamn.' }),
    personalIdentityNumber: t.string({ required: false, description: 'Personnummer eller samordningsnummer, t.ex. 20110510-9808.' }),
    birthDate: t.field({ type: 'Date', required: false, description: 'Födelsedatum, när personnumret inte är känt.' }),
    gender: t.field({ type: NorrbusGenderEnum, required: true, description: 'Kön.' }),
    municipalityId: t.globalID({ required: true, for: OrganisationRef, description: 'Hemkommunen.' }),
    guardians: t.stringList({ required: false, description: 'Vårdnadshavarnas namn; krävs under 18 år.' }),
    placedOutsideHome: t.boolean({ required: false, description: 'Placerad utanför hemmet.' }),
  }),
});

const CreateNorrbusMeetingInput = builder.inputType('CreateNorrbusMeetingInput', {
  description: 'Initiativ till ett Norrbusmöte: om en ung person som redan är registrerad (personId) eller en ny (person), med skälet.',
  fields: (t) => ({
    personId: t.globalID({ required: false, for: NorrbusPersonRef, description: 'Den unge, om hen redan är registrerad.' }),
    person: t.field({ type: NorrbusPersonInput, required: false, description: 'Den unge, om hen registreras nu.' }),
    initiatedOn: t.field({ type: 'Date', required: false, description: 'Dagen initiativet togs; i dag om inget anges.' }),
    initiativeReason: t.string({ required: true, description: 'Skälet till initiativet.' }),
  }),
});

const UpdateNorrbusPersonInput = builder.inputType('UpdateNorrbusPersonInput', {
  description: 'Ändringar i den unges uppgifter. expectedVersion är den version du läste.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: NorrbusPersonRef, description: 'Den unge.' }),
    expectedVersion: t.int({ required: true, description: 'Versionen du läste.' }),
    givenName: t.string({ required: false, description: 'Förnamn.' }),
    familyName: t.string({ required: false, description: 'Efternamn.' }),
    gender: t.field({ type: NorrbusGenderEnum, required: false, description: 'Kön.' }),
    municipalityId: t.globalID({ required: false, for: OrganisationRef, description: 'Hemkommun.' }),
    placedOutsideHome: t.boolean({ required: false, description: 'Placerad utanför hemmet.' }),
    addGuardians: t.stringList({ required: false, description: 'Vårdnadshavare att lägga till (namn).' }),
  }),
});

const ConsentSignatoryInput = builder.inputType('ConsentSignatoryInput', {
  description: 'Vem som samtycker (samtycke): den unge, eller en registrerad vårdnadshavare.',
  fields: (t) => ({
    givenBy: t.field({ type: ConsentGiverEnum, required: true, description: 'Den unge eller en vårdnadshavare.' }),
    guardianId: t.globalID({ required: false, description: 'Vårdnadshavaren (NorrbusGuardian.id), när en vårdnadshavare samtycker.' }),
  }),
});

const ConsentOrganisationInput = builder.inputType('ConsentOrganisationInput', {
  description: 'En organisation som får dela uppgifter, och vilka.',
  fields: (t) => ({
    organisationId: t.globalID({ required: true, for: OrganisationRef, description: 'Organisationen.' }),
    information: t.string({ required: true, description: 'Vilka uppgifter den får dela.' }),
  }),
});

const RecordNorrbusConsentInput = builder.inputType('RecordNorrbusConsentInput', {
  description: 'Samtycke (samtycke) från den unge och, under 18 år, vårdnadshavarna: samma organisationer och uppgifter för var och en.',
  fields: (t) => ({
    personId: t.globalID({ required: true, for: NorrbusPersonRef, description: 'Den unge.' }),
    givenOn: t.field({ type: 'Date', required: true, description: 'Dagen samtycket lämnades.' }),
    limitation: t.string({ required: false, description: 'Begränsning, t.ex. uppgifter som inte får delas.' }),
    signatories: t.field({ type: [ConsentSignatoryInput], required: true, description: 'De som samtycker.' }),
    organisations: t.field({ type: [ConsentOrganisationInput], required: true, description: 'Organisationerna som får dela, och vad.' }),
  }),
});

const WithdrawNorrbusConsentInput = builder.inputType('WithdrawNorrbusConsentInput', {
  description: 'Återkallelse av ett samtycke (återkallelse); från den dagen delas inget mer.',
  fields: (t) => ({
    consentId: t.globalID({ required: true, description: 'Samtycket (Consent.id).' }),
    withdrawnOn: t.field({ type: 'Date', required: true, description: 'Dagen samtycket återkallades.' }),
    note: t.string({ required: false, description: 'Anteckning.' }),
  }),
});

const InviteToNorrbusMeetingInput = builder.inputType('InviteToNorrbusMeetingInput', {
  description: 'Kallelsen (kallelse): syfte, tid och de kallade organisationerna (läggs till dem som redan kallats).',
  fields: (t) => ({
    meetingId: t.globalID({ required: true, for: NorrbusMeetingRef, description: 'Mötet.' }),
    expectedVersion: t.int({ required: true, description: 'Versionen du läste.' }),
    purpose: t.string({ required: false, description: 'Syftet med mötet; krävs.' }),
    scheduledAt: t.field({ type: 'DateTime', required: true, description: 'Tid för mötet.' }),
    location: t.string({ required: false, description: 'Plats.' }),
    organisationIds: t.globalIDList({ required: true, for: OrganisationRef, description: 'De kallade organisationerna.' }),
    twoPartyReason: t.string({ required: false, description: 'Skälet, när bara två parter deltar.' }),
    coordinatorId: t.globalID({ required: false, for: OrganisationRef, description: 'Samordnande organisation; socialtjänsten när den unge är placerad utanför hemmet.' }),
  }),
});

const NorrbusParticipantInput = builder.inputType('NorrbusParticipantInput', {
  description: 'En deltagare (deltagare): en yrkesperson med organisation och mandat, eller den unge eller en vårdnadshavare (utan organisation).',
  fields: (t) => ({
    organisationId: t.globalID({ required: false, for: OrganisationRef, description: 'Organisationen; tom för den unge och vårdnadshavare.' }),
    name: t.string({ required: true, description: 'Namn.' }),
    role: t.string({ required: true, description: 'Roll.' }),
    mandate: t.string({ required: false, description: 'Mandat att besluta om insatser; krävs för en yrkesperson.' }),
  }),
});

const AddNorrbusParticipantsInput = builder.inputType('AddNorrbusParticipantsInput', {
  description: 'Deltagare att lägga till i mötet.',
  fields: (t) => ({
    meetingId: t.globalID({ required: true, for: NorrbusMeetingRef, description: 'Mötet.' }),
    participants: t.field({ type: [NorrbusParticipantInput], required: true, description: 'Deltagarna.' }),
  }),
});

const RecordNorrbusMeetingHeldInput = builder.inputType('RecordNorrbusMeetingHeldInput', {
  description: 'Att mötet hölls, med anteckningar, och vem som kallar till uppföljningen om inte den sammankallande.',
  fields: (t) => ({
    meetingId: t.globalID({ required: true, for: NorrbusMeetingRef, description: 'Mötet.' }),
    expectedVersion: t.int({ required: true, description: 'Versionen du läste.' }),
    heldOn: t.field({ type: 'Date', required: true, description: 'Dagen mötet hölls.' }),
    notes: t.string({ required: true, description: 'Anteckningar från mötet.' }),
    followUpConvenerId: t.globalID({ required: false, for: OrganisationRef, description: 'Den part som kallar till uppföljande möte, om inte den sammankallande.' }),
    coordinatorId: t.globalID({ required: false, for: OrganisationRef, description: 'Samordnande organisation.' }),
  }),
});

const CommitmentInput = builder.inputType('CommitmentInput', {
  description: 'Ett åtagande (åtagande). Alla delar krävs; saknas någon vägras hela planen.',
  fields: (t) => ({
    responsibleOrganisationId: t.globalID({ required: false, for: OrganisationRef, description: 'Ansvarig organisation.' }),
    intervention: t.string({ required: false, description: 'Insats.' }),
    extent: t.string({ required: false, description: 'Omfattning.' }),
    performer: t.string({ required: false, description: 'Utförare.' }),
    followUpMethod: t.string({ required: false, description: 'Hur det följs upp.' }),
    followUpOn: t.field({ type: 'Date', required: false, description: 'När det följs upp.' }),
  }),
});

const DocumentNorrbusCommitmentsInput = builder.inputType('DocumentNorrbusCommitmentsInput', {
  description: 'Planen med de åtaganden mötet beslutade (plan); sparas helt eller inte alls.',
  fields: (t) => ({
    meetingId: t.globalID({ required: true, for: NorrbusMeetingRef, description: 'Mötet.' }),
    expectedVersion: t.int({ required: true, description: 'Versionen du läste.' }),
    commitments: t.field({ type: [CommitmentInput], required: true, description: 'Åtagandena.' }),
  }),
});

const CallNorrbusFollowUpInput = builder.inputType('CallNorrbusFollowUpInput', {
  description: 'Kallelse till uppföljande möte (uppföljande möte) av ett hållet möte.',
  fields: (t) => ({
    meetingId: t.globalID({ required: true, for: NorrbusMeetingRef, description: 'Mötet som följs upp.' }),
    purpose: t.string({ required: false, description: 'Syftet; krävs.' }),
    scheduledAt: t.field({ type: 'DateTime', required: true, description: 'Tid.' }),
    location: t.string({ required: false, description: 'Plats.' }),
    organisationIds: t.globalIDList({ required: false, for: OrganisationRef, description: 'De kallade; utan dem kallas mötets parter igen.' }),
    twoPartyReason: t.string({ required: false, description: 'Skälet, när bara två parter deltar.' }),
  }),
});

const CommitmentOutcomeInput = builder.inputType('CommitmentOutcomeInput', {
  description: 'Utfallet för ett åtagande vid uppföljningen (utfall).',
  fields: (t) => ({
    commitmentId: t.globalID({ required: true, for: CommitmentRef, description: 'Åtagandet.' }),
    outcome: t.field({ type: CommitmentOutcomeEnum, required: true, description: 'Genomfört, delvis genomfört eller inte genomfört.' }),
    note: t.string({ required: false, description: 'Kommentar.' }),
  }),
});

const RecordNorrbusFollowUpInput = builder.inputType('RecordNorrbusFollowUpInput', {
  description: 'Det uppföljande mötet hölls: anteckningar och utfallet för åtagandena från mötet det följer upp.',
  fields: (t) => ({
    meetingId: t.globalID({ required: true, for: NorrbusMeetingRef, description: 'Det uppföljande mötet.' }),
    expectedVersion: t.int({ required: true, description: 'Versionen du läste.' }),
    heldOn: t.field({ type: 'Date', required: true, description: 'Dagen mötet hölls.' }),
    notes: t.string({ required: true, description: 'Anteckningar.' }),
    outcomes: t.field({ type: [CommitmentOutcomeInput], required: true, description: 'Utfallen.' }),
  }),
});

const ids = (list: ReadonlyArray<{ id: string }> | null | undefined) => list?.map((item) => item.id);

builder.mutationFields((t) => ({
  createNorrbusMeeting: t.field({
    type: NorrbusMeetingRef,
    description: 'Ta initiativ till ett Norrbusmöte om en ung person till och med 20 år.',
    authScopes: CONVENERS,
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CreateNorrbusMeetingInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        createNorrbusMeeting(session, {
          personId: input.personId?.id ?? null,
          person: input.person ? { ...input.person, municipalityId: input.person.municipalityId.id, guardians: input.person.guardians ?? [], placedOutsideHome: input.person.placedOutsideHome ?? false } : null,
          ...(input.initiatedOn ? { initiatedOn: input.initiatedOn } : {}),
          initiativeReason: input.initiativeReason,
        }),
      ),
  }),
  updateNorrbusPerson: t.field({
    type: NorrbusPersonRef,
    description: 'Ändra den unges uppgifter, t.ex. placering utanför hemmet, med skydd mot att skriva över någon annans ändring.',
    authScopes: CONVENERS,
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: UpdateNorrbusPersonInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        updateNorrbusPerson(session, {
          id: input.id.id,
          expectedVersion: input.expectedVersion,
          ...(input.givenName != null ? { givenName: input.givenName } : {}),
          ...(input.familyName != null ? { familyName: input.familyName } : {}),
          ...(input.gender != null ? { gender: input.gender } : {}),
          ...(input.municipalityId != null ? { municipalityId: input.municipalityId.id } : {}),
          ...(input.placedOutsideHome != null ? { placedOutsideHome: input.placedOutsideHome } : {}),
          ...(input.addGuardians != null ? { addGuardians: input.addGuardians } : {}),
        }),
      ),
  }),
  recordNorrbusConsent: t.field({
    type: NorrbusPersonRef,
    description: 'Registrera samtycke från den unge och vårdnadshavarna; svarar med den unge och alla samtycken.',
    authScopes: CONVENERS,
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordNorrbusConsentInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, async (session) => {
        await recordNorrbusConsent(session, {
          personId: input.personId.id,
          givenOn: input.givenOn,
          limitation: input.limitation ?? null,
          signatories: input.signatories.map((s) => ({ givenBy: s.givenBy, guardianId: s.guardianId?.id ?? null })),
          organisations: input.organisations.map((o) => ({ organisationId: o.organisationId.id, information: o.information })),
        });
        return input.personId.id;
      }),
  }),
  withdrawNorrbusConsent: t.field({
    type: NorrbusPersonRef,
    description: 'Återkalla ett samtycke från en dag; därefter delas inget mer. Svarar med den unge och samtyckena.',
    authScopes: CONVENERS,
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: WithdrawNorrbusConsentInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, async (session) => (await withdrawNorrbusConsent(session, { consentId: input.consentId.id, withdrawnOn: input.withdrawnOn, note: input.note ?? null })).personId),
  }),
  inviteToNorrbusMeeting: t.field({
    type: NorrbusMeetingRef,
    description: 'Skicka kallelsen: syfte, tid och kallade organisationer, som samtycket måste omfatta.',
    authScopes: CONVENERS,
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: InviteToNorrbusMeetingInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        inviteToNorrbusMeeting(session, {
          meetingId: input.meetingId.id,
          expectedVersion: input.expectedVersion,
          purpose: input.purpose ?? null,
          scheduledAt: input.scheduledAt,
          location: input.location ?? null,
          organisationIds: ids(input.organisationIds)!,
          twoPartyReason: input.twoPartyReason ?? null,
          ...(input.coordinatorId !== undefined ? { coordinatorOrgId: input.coordinatorId?.id ?? null } : {}),
        }),
      ),
  }),
  addNorrbusParticipants: t.field({
    type: NorrbusMeetingRef,
    description: 'Lägg till deltagare med mandat; en kallad organisation lägger till sina egna.',
    authScopes: { anyRole: [...NORRBUS_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: AddNorrbusParticipantsInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        addNorrbusParticipants(session, {
          meetingId: input.meetingId.id,
          participants: input.participants.map((p) => ({ organisationId: p.organisationId?.id ?? null, name: p.name, role: p.role, mandate: p.mandate ?? null })),
        }),
      ),
  }),
  recordNorrbusMeetingHeld: t.field({
    type: NorrbusMeetingRef,
    description: 'Registrera att mötet hölls, med anteckningar.',
    authScopes: CONVENERS,
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordNorrbusMeetingHeldInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        recordNorrbusMeetingHeld(session, {
          meetingId: input.meetingId.id,
          expectedVersion: input.expectedVersion,
          heldOn: input.heldOn,
          notes: input.notes,
          ...(input.followUpConvenerId !== undefined ? { followUpConvenerOrgId: input.followUpConvenerId?.id ?? null } : {}),
          ...(input.coordinatorId !== undefined ? { coordinatorOrgId: input.coordinatorId?.id ?? null } : {}),
        }),
      ),
  }),
  documentNorrbusCommitments: t.field({
    type: NorrbusMeetingRef,
    description: 'Dokumentera mötets åtaganden; ett ofullständigt åtagande vägrar hela planen.',
    authScopes: CONVENERS,
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: DocumentNorrbusCommitmentsInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        documentNorrbusCommitments(session, {
          meetingId: input.meetingId.id,
          expectedVersion: input.expectedVersion,
          commitments: input.commitments.map((c) => ({ ...c, responsibleOrgId: c.responsibleOrganisationId?.id ?? null })),
        }),
      ),
  }),
  callNorrbusFollowUp: t.field({
    type: NorrbusMeetingRef,
    description: 'Kalla till uppföljande möte; svarar med det nya mötet.',
    authScopes: CONVENERS,
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CallNorrbusFollowUpInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        callNorrbusFollowUp(session, {
          meetingId: input.meetingId.id,
          purpose: input.purpose ?? null,
          scheduledAt: input.scheduledAt,
          location: input.location ?? null,
          organisationIds: ids(input.organisationIds) ?? null,
          twoPartyReason: input.twoPartyReason ?? null,
        }),
      ),
  }),
  recordNorrbusFollowUp: t.field({
    type: NorrbusMeetingRef,
    description: 'Registrera det uppföljande mötet med utfallet för varje åtagande.',
    authScopes: CONVENERS,
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordNorrbusFollowUpInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        recordNorrbusFollowUp(session, {
          meetingId: input.meetingId.id,
          expectedVersion: input.expectedVersion,
          heldOn: input.heldOn,
          notes: input.notes,
          outcomes: input.outcomes.map((o) => ({ commitmentId: o.commitmentId.id, outcome: o.outcome, note: o.note ?? null })),
        }),
      ),
  }),
}));
