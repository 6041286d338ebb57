import { auth } from './next-auth';
import type { SessionUser } from './sessions';

/**
 * The signed-in person, checked against the database on this request (by the `jwt` callback in
 * next-auth.ts, which ends the session when the database says so); null when signed out.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await auth();
  const viewer = (session as { viewer?: SessionUser | null } | null)?.viewer;
  return viewer?.id && viewer.sessionId ? viewer : null;
}
