import { assertNotInFuture } from '../shared/dates.js';
import { z } from 'zod';
import { requireRole, type Session } from '../access/actor.js';
import { ValidationError } from '../errors.js';
import { insertFosterHome, newFosterHomeFields, type FosterHomeKind } from '../homes/foster-homes.js';
import { isoDate, parseInput } from '../shared/validation.js';
import { openRecruitment, RECRUITERS, RECRUITMENT_SOURCES, type Recruitment } from './recruitments.js';

/**
 * The kinds of home a family can apply to become. A consultant-supported home is an agency's
 * arrangement: an agency may propose a family, but the unit recruits and assesses it as its own.
 */
export const INQUIRY_KINDS = ['own', 'network', 'emergency', 'treatment'] as const satisfies readonly FosterHomeKind[];

export const recruitmentNote = z.string().trim().max(2000, { error: 'Anteckningen får vara högst 2000 tecken.' }).nullish();

const registerInquiryInput = z
  .object({
    kindSought: z.enum(INQUIRY_KINDS, { error: 'Välj vilket slag av familjehem familjen vill bli.' }),
    ...newFosterHomeFields,
    receivedOn: isoDate,
    source: z.enum(RECRUITMENT_SOURCES, { error: 'Ange var familjen hörde talas om familjehemsenheten.' }),
    sourceDetail: z.string().trim().max(200, { error: 'Källan får beskrivas med högst 200 tecken.' }).nullish(),
    proposedByAgencyId: z.string().uuid({ error: 'Konsulentverksamheten finns inte i registret.' }).nullish(),
    note: recruitmentNote,
  })
  .refine((input) => input.householdMembers.some((member) => member.role === 'adult'), {
    error: 'Ange minst en vuxen i familjen.',
    path: ['householdMembers'],
  })
  .refine((input) => (input.source === 'agency') === Boolean(input.proposedByAgencyId), {
    error: 'När en konsulentverksamhet föreslår familjen är källan konsulentverksamhet och verksamheten anges, annars inte.',
    path: ['proposedByAgencyId'],
  });
export type RegisterInquiryInput = z.input<typeof registerInquiryInput>;

/**
 * Registers an inquiry (intresseanmälan): the family becomes a home in recruitment owned by the
 * actor's unit, with no places yet, its household, and a recruitment at its first step.
 */
export async function registerInquiry(session: Session, rawInput: RegisterInquiryInput): Promise<Recruitment> {
  requireRole(session.actor, ...RECRUITERS);
  const input = parseInput(registerInquiryInput, rawInput);
  assertNotInFuture(input.receivedOn, 'receivedOn');
  if (input.proposedByAgencyId) {
    const agency = await session.db.selectFrom('consultancy_agencies').select('id').where('id', '=', input.proposedByAgencyId).executeTakeFirst();
    if (!agency) throw new ValidationError([{ path: 'proposedByAgencyId', message: 'Konsulentverksamheten finns inte i registret.' }]);
  }
  const home = await insertFosterHome(session, {
    kind: input.kindSought,
    name: input.name,
    streetAddress: input.streetAddress,
    postalCode: input.postalCode,
    city: input.city,
    municipalityId: input.municipalityId,
    householdMembers: input.householdMembers,
    places: 0,
    status: 'recruiting',
  });
  return openRecruitment(session, {
    fosterHomeId: home.id,
    purpose: 'new_home',
    source: input.source,
    sourceDetail: input.sourceDetail || null,
    proposedByAgencyId: input.proposedByAgencyId ?? null,
    receivedOn: input.receivedOn,
    note: input.note || null,
  });
}
