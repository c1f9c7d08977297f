import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './scalars.js';
import './errors.js';
import './access/viewer.js';
import './units/organisation.js';
import './units/foster-care-unit.js';
import './units/cost-sharing-key.js';
import './homes/consultancy-agency.js';
import './homes/foster-home.js';
import './homes/foster-home-mutations.js';
import './audit/audit-entry.js';

export const schema = lexicographicSortSchema(builder.toSchema());
export type { Context } from './context.js';
