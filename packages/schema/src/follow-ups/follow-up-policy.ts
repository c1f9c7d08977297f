import { encodeGlobalID } from '@pothos/plugin-relay';
import { addFollowUpPolicy, followUpPolicyOn, loadFollowUpPolicies, todayInSweden, type FollowUpPolicy } from '@samverka/domain';
import { builder } from '../builder.js';
import { inMutation, sessionOf } from '../context.js';
import { MUTATION_ERRORS } from '../errors.js';

const POLICY_READERS = ['child_social_worker', 'head_of_unit', 'administrator'] as const;

export const FollowUpPolicyRef = builder.objectRef<FollowUpPolicy>('FollowUpPolicy').implement({
  description: 'Kommunens uppföljningspolicy (riktlinje för uppföljning) från ett datum: intervall i månader och lagrum per slag av uppföljning. Ändras genom en ny daterad policy, aldrig genom att skriva över.',
  fields: (t) => ({
    id: t.id({ description: 'Policyns id (globalt id).', resolve: (p) => encodeGlobalID('FollowUpPolicy', p.id) }),
    validFrom: t.field({ type: 'Date', description: 'Gäller från (giltig från).', resolve: (p) => p.validFrom }),
    visitIntervalMonths: t.exposeInt('visitIntervalMonths', { description: 'Månader mellan besöken hos barnet (besöksintervall).' }),
    reviewIntervalMonths: t.exposeInt('reviewIntervalMonths', { description: 'Månader mellan överväganden (SoL och 2 § LVU).' }),
    reexaminationIntervalMonths: t.exposeInt('reexaminationIntervalMonths', { description: 'Månader mellan omprövningar (3 § LVU).' }),
    custodyTransferAfterMonths: t.exposeInt('custodyTransferAfterMonths', { description: 'Månader i samma familjehem innan vårdnadsöverflyttning första gången övervägs.' }),
    custodyTransferIntervalMonths: t.exposeInt('custodyTransferIntervalMonths', { description: 'Månader mellan överväganden av vårdnadsöverflyttning därefter.' }),
    carePlanRevisionMonths: t.exposeInt('carePlanRevisionMonths', { description: 'Månader från vårdplanen (eller senaste revidering) till nästa revidering av vårdplanen.' }),
    visitReference: t.string({ description: 'Lagrum för besöken (lagrum).', resolve: (p) => p.references.visit }),
    reviewReference: t.string({ description: 'Lagrum för övervägandena.', resolve: (p) => p.references.review }),
    reexaminationReference: t.string({ description: 'Lagrum för omprövningarna.', resolve: (p) => p.references.reexamination }),
    custodyTransferReference: t.string({ description: 'Lagrum för övervägande av vårdnadsöverflyttning.', resolve: (p) => p.references.custody_transfer_consideration }),
    carePlanRevisionReference: t.string({ description: 'Lagrum för revidering av vårdplanen.', resolve: (p) => p.references.care_plan_revision }),
  }),
});

builder.queryFields((t) => ({
  followUpPolicies: t.field({
    type: [FollowUpPolicyRef],
    description: 'Kommunens uppföljningspolicyer (riktlinjer för uppföljning), äldst först.',
    authScopes: { anyRole: [...POLICY_READERS] },
    resolve: (_root, _args, context) => loadFollowUpPolicies(sessionOf(context)),
  }),
  followUpPolicyInForce: t.field({
    type: FollowUpPolicyRef,
    description: 'Den uppföljningspolicy som gäller en dag (gällande policy), i dag om inget datum anges.',
    authScopes: { anyRole: [...POLICY_READERS] },
    args: { on: t.arg({ type: 'Date', required: false, description: 'Dagen (datum).' }) },
    resolve: (_root, args, context) => followUpPolicyOn(sessionOf(context), args.on ?? todayInSweden()),
  }),
}));

const AddFollowUpPolicyInput = builder.inputType('AddFollowUpPolicyInput', {
  description: 'En ny daterad uppföljningspolicy för kommunen du agerar för. Gäller från sitt datum; tidigare policyer ligger kvar.',
  fields: (t) => ({
    validFrom: t.field({ type: 'Date', required: true, description: 'Gäller från: i dag eller senare (utom kommunens första policy).' }),
    visitIntervalMonths: t.int({ required: true, description: 'Månader mellan besöken (1–12).' }),
    reviewIntervalMonths: t.int({ required: true, description: 'Månader mellan överväganden (1–12).' }),
    reexaminationIntervalMonths: t.int({ required: true, description: 'Månader mellan omprövningar (1–12).' }),
    custodyTransferAfterMonths: t.int({ required: true, description: 'Månader i samma hem till första övervägandet av vårdnadsöverflyttning.' }),
    custodyTransferIntervalMonths: t.int({ required: true, description: 'Månader mellan överväganden av vårdnadsöverflyttning därefter.' }),
    carePlanRevisionMonths: t.int({ required: true, description: 'Månader till revidering av vårdplanen.' }),
    visitReference: t.string({ required: true, description: 'Lagrum för besöken.' }),
    reviewReference: t.string({ required: true, description: 'Lagrum för övervägandena.' }),
    reexaminationReference: t.string({ required: true, description: 'Lagrum för omprövningarna.' }),
    custodyTransferReference: t.string({ required: true, description: 'Lagrum för vårdnadsöverflyttning.' }),
    carePlanRevisionReference: t.string({ required: true, description: 'Lagrum för vårdplanen.' }),
  }),
});

builder.mutationField('addFollowUpPolicy', (t) =>
  t.field({
    type: FollowUpPolicyRef,
    description: 'Lägg till en daterad uppföljningspolicy; framtida förfallodagar räknas om från dess datum, redan passerade ändras inte.',
    authScopes: { anyRole: ['head_of_unit', 'administrator'] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: AddFollowUpPolicyInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => addFollowUpPolicy(session, input)),
  }),
);
