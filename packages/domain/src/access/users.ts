import type { Session } from './actor.js';

export interface UserName {
  readonly id: string;
  readonly displayName: string;
}

/** The display names of users, for showing who signed, assessed or recorded something. */
export async function loadUserNames(session: Session, userIds: readonly string[]): Promise<UserName[]> {
  if (userIds.length === 0) return [];
  const rows = await session.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute();
  return rows.map((row) => ({ id: row.id, displayName: row.display_name }));
}
