import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { ForbiddenError, UnauthenticatedError, type Role } from '@samverka/domain';
import type { Context } from './context.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: {
    signedIn: boolean;
    anyRole: readonly Role[];
  };
  Scalars: {
    Date: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
    Money: { Input: number; Output: number };
    ID: { Input: string; Output: string };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, DataloaderPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (context) => ({
      signedIn: context.actor !== null,
      anyRole: (roles) => context.actor !== null && roles.some((role) => context.actor!.roles.includes(role)),
    }),
    unauthorizedError: (_parent, context) => (context.actor ? new ForbiddenError() : new UnauthenticatedError()),
  },
  errors: {
    defaultTypes: [],
    defaultUnionOptions: { description: 'Resultatet (resultat): det lyckade svaret eller ett av de angivna felen.' },
    defaultResultOptions: { description: 'Ändringen lyckades (lyckat resultat); data är det som sparades.' },
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: { authScopes: { signedIn: true } },
    nodesQueryOptions: false,
    nodeTypeOptions: { description: 'Något med ett globalt id (nod) som kan hämtas med node(id).' },
    pageInfoTypeOptions: { description: 'Var i listan sidan ligger (sidinformation).' },
    defaultEdgeTypeOptions: { description: 'En rad i en lista (post) med sin markör.' },
  },
});
