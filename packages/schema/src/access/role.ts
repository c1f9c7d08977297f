import { ROLE_TITLES, ROLES } from '@samverka/domain';
import { builder } from '../builder.js';
import { enumValues } from '../enum-values.js';

export const RoleEnum = builder.enumType('Role', {
  description: 'En roll (roll) som en användare har i en organisation.',
  values: enumValues(ROLES, ROLE_TITLES),
});
