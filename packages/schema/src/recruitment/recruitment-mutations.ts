import {
  advanceRecruitment,
  INQUIRY_KINDS,
  leaveRecruitment,
  RECRUITERS,
  pauseRecruitment,
  recordScreening,
  registerInquiry,
  resumeRecruitment,
  type Recruitment,
  type RecruitmentMoveInput,
  type Session,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { inMutation } from '../context.js';
import { MUTATION_ERRORS } from '../errors.js';
import { FosterHomeKindEnum } from '../homes/foster-home.js';
import { LeavingReasonEnum, RecruitmentRef, RecruitmentSourceEnum, ScreeningResultEnum } from './recruitment.js';

const InquiryMemberInput = builder.inputType('InquiryHouseholdMemberInput', {
  description: 'En person i familjen som anmäler intresse (hushållsmedlem).',
  fields: (t) => ({
    givenName: t.string({ required: true, description: 'Förnamn.' }),
    familyName: t.string({ required: true, description: 'Efternamn.' }),
    personalIdentityNumber: t.string({ required: true, description: 'Personnummer eller samordningsnummer.' }),
    role: t.string({ required: true, description: 'adult (vuxen), child (familjens barn) eller other.' }),
  }),
});

const RegisterInquiryInput = builder.inputType('RegisterInquiryInput', {
  description: 'En intresseanmälan (intresseanmälan): familjen, dess hushåll och var den hörde talas om enheten.',
  fields: (t) => ({
    kindSought: t.field({ type: FosterHomeKindEnum, required: true, description: `Vilket slag av familjehem familjen vill bli: ${INQUIRY_KINDS.map((k) => k.toUpperCase()).join(', ')}.` }),
    name: t.string({ required: true, description: 'Namn, t.ex. Familjen Berg.' }),
    streetAddress: t.string({ required: false, description: 'Gatuadress.' }),
    postalCode: t.string({ required: false, description: 'Postnummer.' }),
    city: t.string({ required: false, description: 'Ort.' }),
    municipalityId: t.globalID({ required: true, description: 'Kommunen där familjen bor.' }),
    householdMembers: t.field({ type: [InquiryMemberInput], required: true, description: 'Hushållet: minst en vuxen.' }),
    receivedOn: t.field({ type: 'Date', required: true, description: 'Dagen anmälan kom in.' }),
    source: t.field({ type: RecruitmentSourceEnum, required: true, description: 'Var familjen hörde talas om enheten (källa).' }),
    sourceDetail: t.string({ required: false, description: 'Källan i detalj, t.ex. vilken kampanj.' }),
    proposedByAgencyId: t.globalID({ required: false, description: 'Konsulentverksamheten som föreslår familjen, när källan är AGENCY.' }),
    note: t.string({ required: false, description: 'Anteckning i tidslinjen.' }),
  }),
});

const MoveFields = {
  recruitmentId: 'Familjens rekrytering.',
  expectedVersion: 'Versionen du läste; har någon annan ändrat sedan dess vägras ändringen.',
  occurredOn: 'Dagen det hände: inte i framtiden och inte före nuvarande steg.',
  note: 'Anteckning i tidslinjen.',
} as const;

const RecruitmentMoveInputRef = builder.inputType('RecruitmentMoveInput', {
  description: 'Ett daterat steg i familjens rekrytering (förflyttning), signerat av dig.',
  fields: (t) => ({
    recruitmentId: t.globalID({ required: true, description: MoveFields.recruitmentId }),
    expectedVersion: t.int({ required: true, description: MoveFields.expectedVersion }),
    occurredOn: t.field({ type: 'Date', required: true, description: MoveFields.occurredOn }),
    note: t.string({ required: false, description: MoveFields.note }),
  }),
});

const LeaveRecruitmentInput = builder.inputType('LeaveRecruitmentInput', {
  description: 'Familjen lämnar rekryteringen (avslut), med orsak.',
  fields: (t) => ({
    recruitmentId: t.globalID({ required: true, description: MoveFields.recruitmentId }),
    expectedVersion: t.int({ required: true, description: MoveFields.expectedVersion }),
    occurredOn: t.field({ type: 'Date', required: true, description: MoveFields.occurredOn }),
    reason: t.field({ type: LeavingReasonEnum, required: true, description: 'Orsak (avslutsorsak).' }),
    note: t.string({ required: false, description: 'Anteckning; krävs vid annan orsak.' }),
  }),
});

const RecordScreeningInput = builder.inputType('RecordScreeningInput', {
  description: 'Ett resultat av BRA-Fam-screening (screening), vid intresseanmälan eller informationsträffen.',
  fields: (t) => ({
    recruitmentId: t.globalID({ required: true, description: MoveFields.recruitmentId }),
    expectedVersion: t.int({ required: true, description: MoveFields.expectedVersion }),
    occurredOn: t.field({ type: 'Date', required: true, description: MoveFields.occurredOn }),
    result: t.field({ type: ScreeningResultEnum, required: true, description: 'Resultatet.' }),
    note: t.string({ required: false, description: MoveFields.note }),
  }),
});

function moveOf(input: { recruitmentId: { id: string }; expectedVersion: number; occurredOn: string; note?: string | null | undefined }): RecruitmentMoveInput {
  return { recruitmentId: input.recruitmentId.id, expectedVersion: input.expectedVersion, occurredOn: input.occurredOn, note: input.note ?? null };
}

/** The plain moves share one input and differ only in the domain function they call. */
const moves: Array<[name: string, description: string, run: (session: Session, input: RecruitmentMoveInput) => Promise<Recruitment>]> = [
  ['advanceRecruitment', 'Flytta familjen till nästa steg (nästa steg). Från utredningen lämnas i stället utredningen för beslut.', advanceRecruitment],
  ['pauseRecruitment', 'Pausa familjens rekrytering (pausa).', pauseRecruitment],
  ['resumeRecruitment', 'Återuppta en pausad rekrytering (återuppta).', resumeRecruitment],
];

builder.mutationFields((t) => ({
  registerInquiry: t.field({
    type: RecruitmentRef,
    description: 'Registrera en intresseanmälan: familjen blir ett familjehem under rekrytering med sitt hushåll.',
    authScopes: { anyRole: [...RECRUITERS] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RegisterInquiryInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        registerInquiry(session, {
          ...input,
          kindSought: input.kindSought as never,
          municipalityId: input.municipalityId.id,
          proposedByAgencyId: input.proposedByAgencyId?.id ?? null,
          householdMembers: input.householdMembers as never,
        }),
      ),
  }),
  ...Object.fromEntries(
    moves.map(([name, description, run]) => [
      name,
      t.field({
        type: RecruitmentRef,
        description,
        authScopes: { anyRole: [...RECRUITERS] },
        errors: { types: MUTATION_ERRORS },
        args: { input: t.arg({ type: RecruitmentMoveInputRef, required: true }) },
        resolve: (_root, { input }, context) => inMutation(context, (session) => run(session, moveOf(input))),
      }),
    ]),
  ),
  leaveRecruitment: t.field({
    type: RecruitmentRef,
    description: 'Familjen lämnar rekryteringen med en orsak (avsluta). Ett hem under rekrytering avslutas då.',
    authScopes: { anyRole: [...RECRUITERS] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: LeaveRecruitmentInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => leaveRecruitment(session, { ...moveOf(input), reason: input.reason })),
  }),
  recordScreening: t.field({
    type: RecruitmentRef,
    description: 'Registrera resultatet av en BRA-Fam-screening (screening).',
    authScopes: { anyRole: [...RECRUITERS] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordScreeningInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => recordScreening(session, { ...moveOf(input), result: input.result })),
  }),
}));
