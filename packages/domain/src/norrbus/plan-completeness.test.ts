import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { incompleteCommitments, planCompletenessViolation, type PlannedCommitment } from './plan-completeness.js';

const complete: PlannedCommitment = {
  responsibleOrgId: '7a1c3f1e-0000-4000-8000-000000000001',
  intervention: 'Samtalsstöd hos skolkuratorn',
  extent: 'En gång i veckan under vårterminen',
  performer: 'Skolkurator',
  followUpMethod: 'Uppföljande Norrbusmöte',
  followUpOn: '2026-03-15',
};

describe('the plan of åtaganden is concrete for each organisation', () => {
  it('a plan whose every åtagande has all six parts is accepted', () => {
    assert.equal(planCompletenessViolation([complete, { ...complete, intervention: 'Bedömning av sömnproblem' }]), null);
  });

  it('an åtagande without a responsible organisation or follow-up date refuses the whole plan, naming which and what', () => {
    const plan = [complete, { ...complete, responsibleOrgId: null, followUpOn: '' }, complete];
    assert.deepEqual(incompleteCommitments(plan), [{ number: 2, missing: ['ansvarig organisation', 'uppföljningsdatum'] }]);
    const violation = planCompletenessViolation(plan);
    assert.equal(violation?.rule, 'NORRBUS_COMMITMENT_INCOMPLETE');
    assert.match(violation!.message, /^Planen sparades inte: åtagande 2 saknar ansvarig organisation och uppföljningsdatum\./);
  });

  it('blank text counts as missing, and every incomplete åtagande is listed', () => {
    const plan = [{ ...complete, performer: '  ' }, { ...complete, extent: undefined, followUpMethod: null, followUpOn: null }];
    assert.deepEqual(incompleteCommitments(plan), [
      { number: 1, missing: ['utförare'] },
      { number: 2, missing: ['omfattning', 'hur det följs upp', 'uppföljningsdatum'] },
    ]);
    assert.match(planCompletenessViolation(plan)!.message, /åtagande 1 saknar utförare; åtagande 2 saknar omfattning, hur det följs upp och uppföljningsdatum/);
  });
});
