import { prisma } from '../db';
import { now } from '../clock';

/** Failed sign-ins allowed per email, and per IP, in the window before further tries are refused. */
export const LOGIN_LIMITS = { windowMinutes: 15, perEmail: 5, perIp: 30 } as const;

export async function isLoginThrottled(email: string, ip: string): Promise<boolean> {
  const since = new Date(now().getTime() - LOGIN_LIMITS.windowMinutes * 60_000);
  const [byEmail, byIp] = await Promise.all([
    prisma.loginAttempt.count({ where: { email, succeeded: false, createdAt: { gte: since } } }),
    prisma.loginAttempt.count({ where: { ip, succeeded: false, createdAt: { gte: since } } }),
  ]);
  return byEmail >= LOGIN_LIMITS.perEmail || byIp >= LOGIN_LIMITS.perIp;
}

export async function recordLoginAttempt(email: string, ip: string, succeeded: boolean): Promise<void> {
  await prisma.loginAttempt.create({ data: { email, ip, succeeded, createdAt: now() } });
}
