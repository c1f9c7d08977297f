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
  errors: { defaultTypes: [] },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: { authScopes: { signedIn: true } },
    nodesQueryOptions: false,
  },
});
