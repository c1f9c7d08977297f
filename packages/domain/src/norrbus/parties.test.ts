import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coordinatorViolation, partyCountViolation, partySector, partySectors } from './parties.js';

describe('the parties of a Norrbusmöte: three, exceptionally two', () => {
  it('school, social services and health care are the parties; private schools and care providers count as their sector, the police as none', () => {
    assert.equal(partySector('school_unit'), 'school');
    assert.equal(partySector('private_school'), 'school');
    assert.equal(partySector('social_services_unit'), 'social_services');
    assert.equal(partySector('municipality'), 'social_services');
    assert.equal(partySector('primary_care_unit'), 'health_care');
    assert.equal(partySector('specialist_care_unit'), 'health_care');
    assert.equal(partySector('private_care_provider'), 'health_care');
    assert.equal(partySector('region'), 'health_care');
    assert.equal(partySector('police'), null);
    assert.equal(partySector('steering_group'), null);
  });

  it('three parties need no reason; two organisations of one sector are one party', () => {
    assert.equal(partyCountViolation(['school_unit', 'social_services_unit', 'primary_care_unit'], null), null);
    assert.deepEqual(partySectors(['primary_care_unit', 'specialist_care_unit', 'school_unit']), ['school', 'health_care']);
  });

  it('one party is refused, even with a reason, and whatever others sit at the table', () => {
    const violation = partyCountViolation(['school_unit', 'private_school', 'police'], 'Bara skolan behövs');
    assert.equal(violation?.rule, 'NORRBUS_TOO_FEW_PARTIES');
    assert.match(violation!.message, /minst två av parterna skola, socialtjänst och hälso- och sjukvård\. Nu deltar bara skola\./);
    assert.equal(partyCountViolation([], null)?.rule, 'NORRBUS_TOO_FEW_PARTIES');
  });

  it('two parties are allowed only with the reason recorded, which names the missing party', () => {
    const violation = partyCountViolation(['school_unit', 'primary_care_unit'], '   ');
    assert.equal(violation?.rule, 'NORRBUS_TWO_PARTY_REASON');
    assert.match(violation!.message, /socialtjänst saknas/);
    assert.equal(partyCountViolation(['school_unit', 'primary_care_unit'], 'Socialtjänsten har inget pågående ärende och familjen vill inte.'), null);
  });
});

describe('social services coordinates when the young person is placed outside the home', () => {
  it('placed outside the home: only social services may coordinate, and someone must', () => {
    assert.equal(coordinatorViolation(true, 'social_services_unit'), null);
    assert.equal(coordinatorViolation(true, 'municipality'), null);
    assert.equal(coordinatorViolation(true, 'school_unit')?.rule, 'NORRBUS_COORDINATOR_SOCIAL_SERVICES');
    assert.equal(coordinatorViolation(true, null)?.rule, 'NORRBUS_COORDINATOR_SOCIAL_SERVICES');
  });

  it('living at home: any party may coordinate, or none be named', () => {
    assert.equal(coordinatorViolation(false, 'school_unit'), null);
    assert.equal(coordinatorViolation(false, null), null);
  });
});
