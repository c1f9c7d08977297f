import { atomically, UnauthenticatedError, type Actor, type Session } from '@samverka/domain';

/** What every resolver gets: who is asking and the transaction their request runs in. */
export type Context = Readonly<{
  requestId: string;
  actor: Actor | null;
  /** Set by the server around execution: the request's transaction, switched to the actor. */
  session: Session | null;
}>;

export function sessionOf(context: Context): Session {
  if (!context.session) throw new UnauthenticatedError();
  return context.session;
}

/** Runs one mutation atomically inside the request's transaction: on any error it leaves nothing. */
export async function inMutation<T>(context: Context, work: (session: Session) => Promise<T>): Promise<T> {
  const session = sessionOf(context);
  return atomically(session.db, () => work(session));
}
