import { ROLE_TITLES, ROLES, type Role } from '@samverka/domain';
import { builder } from '../builder.js';

export const RoleEnum = builder.enumType('Role', {
  description: 'En roll (roll) som en användare har i en organisation.',
  values: Object.fromEntries(
    ROLES.map((role) => [role.toUpperCase(), { value: role, description: ROLE_TITLES[role] }]),
  ) as Record<Uppercase<Role>, { value: Role; description: string }>,
});
