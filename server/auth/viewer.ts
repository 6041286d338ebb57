import { auth } from './next-auth';
import { loadSessionUser, type SessionUser } from './sessions';

/** The signed-in person, checked against the database on this request; null when signed out. */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await auth();
  const sessionId = (session as { sessionId?: string } | null)?.sessionId;
  if (!sessionId) return null;
  return loadSessionUser(sessionId);
}
