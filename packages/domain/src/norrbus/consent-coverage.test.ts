import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consentCovers, consentGap, consentInForce, type ConsentFacts, type ConsentSubject } from './consent-coverage.js';

const SCHOOL = 'school';
const HEALTH = 'health';
const young = (organisationIds: string[], givenOn = '2026-02-01', withdrawnOn: string | null = null): ConsentFacts => ({ givenBy: 'young_person', guardianId: null, givenOn, withdrawnOn, organisationIds });
const guardian = (guardianId: string, organisationIds: string[], givenOn = '2026-02-01', withdrawnOn: string | null = null): ConsentFacts => ({ givenBy: 'guardian', guardianId, givenOn, withdrawnOn, organisationIds });
/** Fifteen in 2026, with two guardians. */
const minor = (consents: ConsentFacts[]): ConsentSubject => ({ birthDate: '2011-05-10', guardianIds: ['mother', 'father'], consents });

describe('whether the consent in force lets an organisation see the young person', () => {
  it('under 18: the young person and every guardian must name the organisation', () => {
    const subject = minor([young([HEALTH]), guardian('mother', [HEALTH]), guardian('father', [HEALTH])]);
    assert.equal(consentCovers(subject, HEALTH, '2026-03-01'), true);
    assert.deepEqual(consentGap(subject, SCHOOL, '2026-03-01'), { kind: 'young_person', withdrawnOn: null });
  });

  it('under 18: one guardian missing is a gap naming that guardian', () => {
    const subject = minor([young([HEALTH]), guardian('mother', [HEALTH]), guardian('father', [SCHOOL])]);
    assert.deepEqual(consentGap(subject, HEALTH, '2026-03-01'), { kind: 'guardians', guardianIds: ['father'] });
  });

  it('under 18 with no guardian registered, no consent is in force', () => {
    assert.deepEqual(consentGap({ birthDate: '2011-05-10', guardianIds: [], consents: [young([HEALTH])] }, HEALTH, '2026-03-01'), { kind: 'no_guardian' });
  });

  it('from 18 the young person’s own consent is enough, from the 18th birthday', () => {
    const subject: ConsentSubject = { birthDate: '2008-03-01', guardianIds: ['mother'], consents: [young([HEALTH])] };
    assert.deepEqual(consentGap(subject, HEALTH, '2026-02-28'), { kind: 'guardians', guardianIds: ['mother'] });
    assert.equal(consentCovers(subject, HEALTH, '2026-03-01'), true);
  });

  it('a consent is not in force before the day it was given', () => {
    const subject = minor([young([HEALTH], '2026-02-01'), guardian('mother', [HEALTH]), guardian('father', [HEALTH], '2026-02-10')]);
    assert.deepEqual(consentGap(subject, HEALTH, '2026-02-09'), { kind: 'guardians', guardianIds: ['father'] });
    assert.equal(consentCovers(subject, HEALTH, '2026-02-10'), true);
  });

  it('a guardian’s withdrawal ends sharing for a young person under 18 from its day, for every organisation named', () => {
    const subject = minor([young([HEALTH, SCHOOL]), guardian('mother', [HEALTH, SCHOOL]), guardian('father', [HEALTH, SCHOOL], '2026-02-01', '2026-04-01')]);
    assert.equal(consentCovers(subject, HEALTH, '2026-03-31'), true);
    assert.deepEqual(consentGap(subject, HEALTH, '2026-04-01'), { kind: 'guardians', guardianIds: ['father'] });
    assert.deepEqual(consentGap(subject, SCHOOL, '2026-06-01'), { kind: 'guardians', guardianIds: ['father'] });
  });

  it('the young person’s withdrawal ends sharing, and the gap says when', () => {
    const subject = minor([young([HEALTH], '2026-02-01', '2026-05-02'), guardian('mother', [HEALTH]), guardian('father', [HEALTH])]);
    assert.deepEqual(consentGap(subject, HEALTH, '2026-05-02'), { kind: 'young_person', withdrawnOn: '2026-05-02' });
    assert.deepEqual(consentGap(subject, HEALTH, '2026-05-01'), null);
  });

  it('a withdrawal ends only that signatory’s consent: from 18 a guardian’s withdrawal no longer matters', () => {
    const subject: ConsentSubject = { birthDate: '2007-01-15', guardianIds: ['mother'], consents: [young([HEALTH]), guardian('mother', [HEALTH], '2026-02-01', '2026-03-01')] };
    assert.equal(consentCovers(subject, HEALTH, '2026-03-15'), true);
  });

  it('a consent given again after a withdrawal counts from its day', () => {
    const subject = minor([young([HEALTH]), guardian('mother', [HEALTH]), guardian('father', [HEALTH], '2026-02-01', '2026-03-01'), guardian('father', [HEALTH], '2026-04-10')]);
    assert.deepEqual(consentGap(subject, HEALTH, '2026-04-09'), { kind: 'guardians', guardianIds: ['father'] });
    assert.equal(consentCovers(subject, HEALTH, '2026-04-10'), true);
  });

  it('a consent is in force from the day given up to the day before it is withdrawn', () => {
    assert.equal(consentInForce({ givenOn: '2026-02-01', withdrawnOn: '2026-04-01' }, '2026-01-31'), false);
    assert.equal(consentInForce({ givenOn: '2026-02-01', withdrawnOn: '2026-04-01' }, '2026-03-31'), true);
    assert.equal(consentInForce({ givenOn: '2026-02-01', withdrawnOn: '2026-04-01' }, '2026-04-01'), false);
    assert.equal(consentInForce({ givenOn: '2026-02-01', withdrawnOn: null }, '2030-01-01'), true);
  });
});
