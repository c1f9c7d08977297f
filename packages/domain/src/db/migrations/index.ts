import type { Migration } from 'kysely';
import * as accessAndAudit from './2026_11_23_0001_access_and_audit.js';
import * as unitsAndHomes from './2026_11_23_0002_units_and_homes.js';
import * as recruitmentAndAssessment from './2026_11_23_0003_recruitment_and_assessment.js';
import * as childrenAndPlacements from './2026_11_23_0004_children_and_placements.js';
import * as placementsAndFollowUp from './2026_11_23_0005_placements_and_follow_up.js';
import * as dailyCosts from './2026_11_23_0006_daily_costs.js';
import * as norrbus from './2026_11_23_0007_norrbus.js';

/** Every migration, imported statically so bundling and tests see the same list. */
export const migrations: Record<string, Migration> = {
  '2026_11_23_0001_access_and_audit': accessAndAudit,
  '2026_11_23_0002_units_and_homes': unitsAndHomes,
  '2026_11_23_0003_recruitment_and_assessment': recruitmentAndAssessment,
  '2026_11_23_0004_children_and_placements': childrenAndPlacements,
  '2026_11_23_0005_placements_and_follow_up': placementsAndFollowUp,
  '2026_11_23_0006_daily_costs': dailyCosts,
  '2026_11_23_0007_norrbus': norrbus,
};
