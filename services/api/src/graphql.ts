import { randomUUID } from 'node:crypto';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import {
  beginIdentityTransaction,
  DomainError,
  queryCounter,
  resolveActor,
  type Database,
} from '@samverka/domain';
import { schema, type Context } from '@samverka/schema';
import { GraphQLError, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { createYoga, maskError, type Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Authenticator } from './auth.js';
import type { Config } from './config.js';

export const ORGANISATION_HEADER = 'x-samverka-organisation';

/**
 * Runs each GraphQL operation in one transaction under the actor's identity (row-level security
 * applies to everything the resolvers do), committing at the end. Mutations additionally run in
 * savepoints (see inMutation), so a failed one leaves nothing behind.
 */
function transactionPerOperation(db: Database, exposeQueryCount: boolean): Plugin<Context> {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args: ExecutionArgs) => {
        const context = args.contextValue as Context;
        const counter = { count: 0 };
        const result = (await queryCounter.run(counter, async () => {
          if (!context.actor) return executeFn(args);
          const trx = await beginIdentityTransaction(db.kysely, context.actor);
          try {
            const session = { db: trx, actor: context.actor, requestId: context.requestId };
            const executed = await executeFn({ ...args, contextValue: { ...context, session } });
            await trx.commit().execute();
            return executed;
          } catch (error) {
            await trx.rollback().execute();
            throw error;
          }
        })) as ExecutionResult;
        return exposeQueryCount ? { ...result, extensions: { ...result.extensions, queryCount: counter.count } } : result;
      });
    },
  };
}

export function createGraphQL(options: { config: Config; db: Database; auth: Authenticator; logger: Logger }) {
  const { config, db, auth, logger } = options;
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: config.graphiql,
    landingPage: false,
    logging: false,
    context: async ({ request }) => {
      const requestId = request.headers.get('x-request-id') ?? randomUUID();
      const subject = await auth.subjectOf(request.headers.get('authorization'));
      const organisation = request.headers.get(ORGANISATION_HEADER) ?? undefined;
      const actor = subject ? await resolveActor(db.kysely, subject, organisation) : null;
      return { requestId, actor, session: null };
    },
    maskedErrors: {
      maskError(error, message, isDev) {
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (original instanceof DomainError && error instanceof GraphQLError) {
          return new GraphQLError(original.message, {
            nodes: error.nodes,
            path: error.path,
            extensions: { code: original.code },
          });
        }
        if (!(error instanceof GraphQLError) || error.originalError) logger.error({ err: original }, 'unexpected error in GraphQL');
        return maskError(error, message, isDev);
      },
    },
    plugins: [
      EnvelopArmorPlugin({
        maxDepth: { n: 10 },
        maxAliases: { n: 15 },
        maxDirectives: { n: 20 },
        maxTokens: { n: 2000 },
        costLimit: { maxCost: 5000 },
        blockFieldSuggestion: { enabled: config.environment === 'production' },
      }),
      transactionPerOperation(db, config.exposeQueryCount),
    ],
  });
}
