import { listApprovalsDueForRenewal, todayInSweden, type ApprovalRenewal } from '@samverka/domain';
import { builder } from '../builder.js';
import { sessionOf } from '../context.js';
import { FosterHomeRef } from '../homes/foster-home.js';
import { ASSESSMENT_ROLES, HomeAssessmentRef } from './home-assessment.js';
import { HomeDecisionRef } from './home-decision.js';

const ApprovalRenewalRef = builder.objectRef<ApprovalRenewal>('ApprovalRenewal').implement({
  description: 'Ett godkännande som snart löper ut och behöver förnyas genom omutredning (förnyelse).',
  fields: (t) => ({
    fosterHome: t.field({ type: FosterHomeRef, description: 'Familjehemmet.', resolve: (r) => r.fosterHomeId }),
    approval: t.field({ type: HomeDecisionRef, description: 'Det gällande godkännandet som löper ut.', resolve: (r) => r.approval }),
    daysLeft: t.exposeInt('daysLeft', { description: 'Dagar kvar tills godkännandet löper ut (dagar kvar).' }),
    reassessment: t.field({
      type: HomeAssessmentRef,
      nullable: true,
      description: 'Omutredningen, om den redan har startats (omutredning).',
      resolve: (r) => r.reassessmentId,
    }),
  }),
});

builder.queryField('approvalsDueForRenewal', (t) =>
  t.field({
    type: [ApprovalRenewalRef],
    description: 'Enhetens godkännanden som löper ut inom det angivna antalet dagar, det som löper ut först överst (godkännanden att förnya).',
    authScopes: { anyRole: [...ASSESSMENT_ROLES] },
    args: { withinDays: t.arg.int({ required: false, defaultValue: 90, description: 'Inom så många dagar (standard 90).' }) },
    resolve: (_root, args, context) => listApprovalsDueForRenewal(sessionOf(context), { withinDays: args.withinDays ?? 90, day: todayInSweden() }),
  }),
);
