import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ivoListDeadline } from './ivo-foster-children.js';
import { computePlacementOverview } from './placement-overview.js';
import type { ReportPlacement } from './report-placements.js';
import { placementTerm } from './titles.js';

describe('the IVO list’s deadline', () => {
  it('the list for 2025 is due on 31 January 2026 and the page warns throughout January', () => {
    assert.deepEqual(ivoListDeadline(2025, '2026-01-02'), { dueOn: '2026-01-31', daysUntilDue: 29, approaching: true });
    assert.deepEqual(ivoListDeadline(2025, '2026-01-31'), { dueOn: '2026-01-31', daysUntilDue: 0, approaching: true });
  });

  it('no warning while the year runs, nor after the due date has passed', () => {
    assert.equal(ivoListDeadline(2025, '2025-12-31').approaching, false);
    assert.equal(ivoListDeadline(2025, '2026-02-01').approaching, false);
    assert.equal(ivoListDeadline(2025, '2026-02-01').daysUntilDue, -1);
  });
});

describe('jour or stadigvarande', () => {
  it('the decision’s kind decides: an uppväxtplacering is stadigvarande, even in a jourhem', () => {
    assert.equal(placementTerm('emergency', 'own'), 'emergency');
    assert.equal(placementTerm('long_term', 'emergency'), 'long_term');
    assert.equal(placementTerm('upbringing', 'network'), 'long_term');
  });

  it('a placement recorded without its decision is jour in a jourhem and stadigvarande elsewhere', () => {
    assert.equal(placementTerm(null, 'emergency'), 'emergency');
    assert.equal(placementTerm(null, 'consultant_supported'), 'long_term');
    assert.equal(placementTerm(null, null), 'long_term');
  });
});

describe('the placement overview for a day', () => {
  const placement = (childId: string, startsOn: string, endedOn: string | null, homeKind: 'own' | 'network' | null): ReportPlacement => ({
    placementId: `${childId}-${startsOn}`,
    childId,
    identityNumber: '201801019802',
    identityKind: 'personal_identity_number',
    gender: 'girl',
    birthDate: '2018-01-01',
    startsOn,
    endedOn,
    endReason: endedOn ? 'Flytt till annat familjehem' : null,
    decision: null,
    home: homeKind ? { id: `home-${homeKind}`, name: 'Familjen Berg', kind: homeKind, municipalityName: 'Lindesbergs kommun' } : null,
  });

  it('a child moving homes on the day counts once, in the home moved to; the old placement ended that day', () => {
    const overview = computePlacementOverview('2022-05-31', [placement('c1', '2021-01-10', '2022-05-31', 'own'), placement('c1', '2022-05-31', null, 'network')]);
    assert.equal(overview.children, 1);
    assert.deepEqual(overview.byHomeKind.filter((row) => row.children > 0), [{ kind: 'network', children: 1 }]);
  });

  it('a child in a home the municipality cannot see still counts, apart from the kinds', () => {
    const overview = computePlacementOverview('2022-05-31', [placement('c1', '2022-01-01', null, null), placement('c2', '2022-06-01', null, 'own')]);
    assert.equal(overview.children, 1);
    assert.equal(overview.inHomesNotVisible, 1);
    assert.deepEqual(overview.byTerm, [{ term: 'emergency', children: 0 }, { term: 'long_term', children: 1 }]);
  });
});
