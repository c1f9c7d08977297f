import { z } from 'zod';
import { requireRole, type Session } from '../access/actor.js';
import type { IsoDate } from '../db/tables.js';
import { csvTable, decimal, type CsvCell } from '../shared/csv.js';
import { daysBetween } from '../shared/dates.js';
import { isoDate, parseInput } from '../shared/validation.js';
import { LEAVING_REASON_TITLES, LEAVING_REASONS, STEP_TITLES, type LeavingReason, type RecruitmentPurpose, type RecruitmentStep } from './pipeline.js';
import { RECRUITERS, RECRUITMENT_SOURCE_TITLES, RECRUITMENT_SOURCES, type RecruitmentEventKind, type RecruitmentSource } from './recruitments.js';

/** The steps the funnel counts, ending in an approved home. */
export const FUNNEL_STEPS = ['inquiry', 'information_meeting', 'basic_training', 'assessment', 'decision', 'approved'] as const satisfies readonly RecruitmentStep[];
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export interface FunnelRecruitment {
  readonly id: string;
  readonly purpose: RecruitmentPurpose;
  readonly source: RecruitmentSource;
  readonly receivedOn: IsoDate;
  readonly leavingReason: LeavingReason | null;
}

export interface FunnelEvent {
  readonly recruitmentId: string;
  readonly kind: RecruitmentEventKind;
  readonly step: RecruitmentStep;
  readonly occurredOn: IsoDate;
}

export interface FunnelStepFigures {
  readonly step: FunnelStep;
  /** Families of the cohort that reached the step. */
  readonly reached: number;
  /** Share (0–1) of those who reached the step that reached the next; null after the last step or when none reached this one. */
  readonly conversionToNext: number | null;
  /** Median calendar days from entering the step to entering the next (pauses included), over those who moved on. */
  readonly medianDays: number | null;
}

export interface RecruitmentFunnel {
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Inquiries received in the period: the cohort the figures follow. */
  readonly inquiries: number;
  readonly steps: readonly FunnelStepFigures[];
  /** Families of the cohort refused at the decision. */
  readonly refused: number;
  readonly leavingReasons: ReadonlyArray<{ readonly reason: LeavingReason; readonly count: number }>;
  readonly sources: ReadonlyArray<{ readonly source: RecruitmentSource; readonly inquiries: number; readonly approved: number }>;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The funnel (rekryteringstratten) for the inquiries received in [from, to]: how far each family
 * of that cohort has come by now, how long each step took, why families left and which sources
 * brought the approved homes. Re-assessments are not inquiries and are left out.
 */
export function computeFunnel(from: IsoDate, to: IsoDate, recruitments: readonly FunnelRecruitment[], events: readonly FunnelEvent[]): RecruitmentFunnel {
  const cohort = recruitments.filter((r) => r.purpose === 'new_home' && r.receivedOn >= from && r.receivedOn <= to);
  const entered = new Map<string, Map<RecruitmentStep, IsoDate>>();
  for (const r of cohort) entered.set(r.id, new Map([['inquiry', r.receivedOn]]));
  for (const event of events) {
    const steps = entered.get(event.recruitmentId);
    if (event.kind === 'step_entered' && steps && !steps.has(event.step)) steps.set(event.step, event.occurredOn);
  }
  const reachedStep = (step: RecruitmentStep) => cohort.filter((r) => entered.get(r.id)!.has(step));
  const steps = FUNNEL_STEPS.map((step, index): FunnelStepFigures => {
    const reached = reachedStep(step).length;
    const next = FUNNEL_STEPS[index + 1];
    if (!next) return { step, reached, conversionToNext: null, medianDays: null };
    const durations = cohort.flatMap((r) => {
      const dates = entered.get(r.id)!;
      const start = dates.get(step);
      // The decision leads to approval or refusal; either ends the time spent at the decision.
      const end = dates.get(next) ?? (step === 'decision' ? dates.get('refused') : undefined);
      return start && end ? [daysBetween(start, end)] : [];
    });
    return { step, reached, conversionToNext: reached === 0 ? null : reachedStep(next).length / reached, medianDays: median(durations) };
  });
  const leavingReasons = LEAVING_REASONS.map((reason) => ({ reason, count: cohort.filter((r) => r.leavingReason === reason).length }))
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count);
  const approvedIds = new Set(reachedStep('approved').map((r) => r.id));
  const sources = RECRUITMENT_SOURCES.map((source) => {
    const fromSource = cohort.filter((r) => r.source === source);
    return { source, inquiries: fromSource.length, approved: fromSource.filter((r) => approvedIds.has(r.id)).length };
  }).filter((row) => row.inquiries > 0);
  return { from, to, inquiries: cohort.length, steps, refused: reachedStep('refused').length, leavingReasons, sources };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const FUNNEL_CSV_HEADERS = ['Avsnitt', 'Rad', 'Antal', 'Varav godkända', 'Andel till nästa steg (%)', 'Mediantid i steget (dagar)'] as const;

/**
 * The funnel as a table for Swedish Excel (shared/csv.ts): one row per step, leaving reason and
 * source.
 */
export function funnelCsv(funnel: RecruitmentFunnel): string {
  const rows: CsvCell[][] = [
    ...funnel.steps.map((s) => [
      'Steg',
      capitalised(STEP_TITLES[s.step]),
      s.reached,
      null,
      s.conversionToNext === null ? null : decimal(s.conversionToNext * 100, 1),
      s.medianDays === null ? null : decimal(s.medianDays, Number.isInteger(s.medianDays) ? 0 : 1),
    ]),
    ['Beslut', capitalised(STEP_TITLES.refused), funnel.refused, null, null, null],
    ...funnel.leavingReasons.map((r) => ['Orsak att lämna', capitalised(LEAVING_REASON_TITLES[r.reason]), r.count, null, null, null]),
    ...funnel.sources.map((s) => ['Källa', capitalised(RECRUITMENT_SOURCE_TITLES[s.source]), s.inquiries, s.approved, null, null]),
  ];
  return csvTable(FUNNEL_CSV_HEADERS, rows);
}

const periodInput = z
  .object({ from: isoDate, to: isoDate })
  .refine((period) => period.from <= period.to, { error: 'Periodens början kan inte vara efter dess slut.', path: ['to'] });
export type FunnelPeriodInput = z.input<typeof periodInput>;

/** The funnel of the actor's unit for the inquiries received in the period. */
export async function loadRecruitmentFunnel(session: Session, rawInput: FunnelPeriodInput): Promise<RecruitmentFunnel> {
  requireRole(session.actor, ...RECRUITERS, 'administrator');
  const { from, to } = parseInput(periodInput, rawInput);
  const cohort = session.db
    .selectFrom('recruitments')
    .where('owner_org_id', '=', session.actor.organisationId)
    .where('purpose', '=', 'new_home')
    .where('received_on', '>=', from)
    .where('received_on', '<=', to);
  const recruitments = await cohort.select(['id', 'purpose', 'source', 'received_on', 'leaving_reason']).execute();
  const events = await session.db
    .selectFrom('recruitment_events')
    .select(['recruitment_id', 'kind', 'step', 'occurred_on'])
    .where('kind', '=', 'step_entered')
    .where('recruitment_id', 'in', cohort.select('id'))
    .execute();
  return computeFunnel(
    from,
    to,
    recruitments.map((r) => ({
      id: r.id,
      purpose: r.purpose as RecruitmentPurpose,
      source: r.source as RecruitmentSource,
      receivedOn: r.received_on,
      leavingReason: r.leaving_reason as LeavingReason | null,
    })),
    events.map((e) => ({ recruitmentId: e.recruitment_id, kind: e.kind as RecruitmentEventKind, step: e.step as RecruitmentStep, occurredOn: e.occurred_on })),
  );
}
