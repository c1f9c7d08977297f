import type { Actor } from '@samverka/domain';
import { builder } from '../builder.js';
import { OrganisationRef } from '../units/organisation.js';
import { RoleEnum } from './role.js';

const UserRef = builder.objectRef<Actor>('User').implement({
  description: 'En användare (användare).',
  fields: (t) => ({
    id: t.exposeID('userId', { description: 'Användarens id.' }),
    displayName: t.exposeString('displayName', { description: 'Namn (namn).' }),
  }),
});

const ViewerRef = builder.objectRef<Actor>('Viewer').implement({
  description: 'Den inloggade användaren och den organisation hen agerar för (inloggad användare).',
  fields: (t) => ({
    user: t.field({ type: UserRef, description: 'Användaren.', resolve: (actor) => actor }),
    organisation: t.field({
      type: OrganisationRef,
      description: 'Organisationen användaren agerar för i denna begäran (organisation).',
      resolve: (actor) => actor.organisationId,
    }),
    roles: t.field({ type: [RoleEnum], description: 'Användarens roller i organisationen (roller).', resolve: (actor) => [...actor.roles] }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: ViewerRef,
    nullable: true,
    description: 'Vem som är inloggad, eller null om ingen är det.',
    resolve: (_root, _args, context) => context.actor,
  }),
);
