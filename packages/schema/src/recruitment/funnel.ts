import { funnelCsv, loadRecruitmentFunnel, type FunnelStepFigures, type LeavingReason, type RecruitmentFunnel, type RecruitmentSource } from '@samverka/domain';
import { builder } from '../builder.js';
import { sessionOf } from '../context.js';
import { LeavingReasonEnum, RECRUITMENT_READERS, RecruitmentSourceEnum, RecruitmentStepEnum } from './recruitment.js';

const FunnelStepRef = builder.objectRef<FunnelStepFigures>('RecruitmentFunnelStep').implement({
  description: 'Ett steg i rekryteringstratten (steg i tratten).',
  fields: (t) => ({
    step: t.field({ type: RecruitmentStepEnum, description: 'Steget; tratten slutar med godkänd.', resolve: (s) => s.step }),
    reached: t.exposeInt('reached', { description: 'Antal familjer ur perioden som nådde steget.' }),
    conversionToNext: t.exposeFloat('conversionToNext', {
      nullable: true,
      description: 'Andel (0–1) av dem som nådde steget som nådde nästa steg (konvertering); null efter sista steget eller när ingen nådde steget.',
    }),
    medianDays: t.exposeFloat('medianDays', {
      nullable: true,
      description: 'Mediantid i dagar från att familjen kom till steget tills den kom till nästa (mediantid), pauser inräknade.',
    }),
  }),
});

const LeavingReasonCountRef = builder.objectRef<{ reason: LeavingReason; count: number }>('RecruitmentFunnelLeavingReason').implement({
  description: 'En orsak att lämna rekryteringen med antal (avslutsorsak).',
  fields: (t) => ({
    reason: t.field({ type: LeavingReasonEnum, description: 'Orsaken.', resolve: (r) => r.reason }),
    count: t.exposeInt('count', { description: 'Antal familjer.' }),
  }),
});

const SourceFiguresRef = builder.objectRef<{ source: RecruitmentSource; inquiries: number; approved: number }>('RecruitmentFunnelSource').implement({
  description: 'En källa med intresseanmälningar och godkända hem (källa).',
  fields: (t) => ({
    source: t.field({ type: RecruitmentSourceEnum, description: 'Källan.', resolve: (s) => s.source }),
    inquiries: t.exposeInt('inquiries', { description: 'Intresseanmälningar från källan.' }),
    approved: t.exposeInt('approved', { description: 'Varav godkända hem.' }),
  }),
});

const RecruitmentFunnelRef = builder.objectRef<RecruitmentFunnel>('RecruitmentFunnel').implement({
  description: 'Rekryteringstratten (tratt): hur intresseanmälningarna under en period gått vidare till godkända hem.',
  fields: (t) => ({
    from: t.field({ type: 'Date', description: 'Periodens första dag.', resolve: (f) => f.from }),
    to: t.field({ type: 'Date', description: 'Periodens sista dag.', resolve: (f) => f.to }),
    inquiries: t.exposeInt('inquiries', { description: 'Intresseanmälningar under perioden: de familjer tratten följer.' }),
    steps: t.field({ type: [FunnelStepRef], description: 'Stegen i ordning, till och med godkänd.', resolve: (f) => [...f.steps] }),
    refused: t.exposeInt('refused', { description: 'Familjer som fick avslag.' }),
    leavingReasons: t.field({ type: [LeavingReasonCountRef], description: 'Orsaker att lämna, vanligast först.', resolve: (f) => [...f.leavingReasons] }),
    sources: t.field({ type: [SourceFiguresRef], description: 'Källor med anmälningar och godkända hem.', resolve: (f) => [...f.sources] }),
    csv: t.string({
      description: 'Tratten som CSV för svenska Excel (CSV-export): semikolonseparerad, decimalkomma, svenska rubriker.',
      resolve: (f) => funnelCsv(f),
    }),
  }),
});

builder.queryField('recruitmentFunnel', (t) =>
  t.field({
    type: RecruitmentFunnelRef,
    description: 'Rekryteringstratten för din enhet och intresseanmälningar mottagna under perioden (tratt).',
    authScopes: { anyRole: [...RECRUITMENT_READERS] },
    args: {
      from: t.arg({ type: 'Date', required: true, description: 'Periodens första dag.' }),
      to: t.arg({ type: 'Date', required: true, description: 'Periodens sista dag.' }),
    },
    resolve: (_root, args, context) => loadRecruitmentFunnel(sessionOf(context), { from: args.from, to: args.to }),
  }),
);
