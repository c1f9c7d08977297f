import type { Migration } from 'kysely';
import * as accessAndAudit from './2026_11_23_0001_access_and_audit.js';
import * as unitsAndHomes from './2026_11_23_0002_units_and_homes.js';

/** Every migration, imported statically so bundling and tests see the same list. */
export const migrations: Record<string, Migration> = {
  '2026_11_23_0001_access_and_audit': accessAndAudit,
  '2026_11_23_0002_units_and_homes': unitsAndHomes,
};
