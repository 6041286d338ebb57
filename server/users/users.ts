import { prisma } from '../db';
import { now } from '../clock';
import { newId } from '../ids';
import { conflict, notFound } from '../errors';
import { hashPassword } from '../auth/password';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import type { AddMembershipInput, CreateUserInput } from './schema';

const PUBLIC_USER = { id: true, email: true, name: true, locale: true, staffRole: true, status: true, createdAt: true } as const;

export async function createUser(input: CreateUserInput, actor: Actor) {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw conflict('a user with this email exists', 'USER_EXISTS');
    const user = await tx.user.create({
      data: { id: input.id ?? newId('usr'), email: input.email, name: input.name, passwordHash, locale: input.locale, staffRole: input.staffRole, createdAt: now() },
      select: PUBLIC_USER,
    });
    await recordAudit(tx, actor, { tenantId: null, action: 'user.create', targetType: 'user', targetId: user.id, after: user });
    return user;
  });
}

export async function addMembership(args: AddMembershipInput, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: args.userId }, select: { staffRole: true } });
    if (!user) throw notFound('user', 'USER_NOT_FOUND');
    if (user.staffRole) throw conflict('staff users cannot be tenant members', 'STAFF_NOT_MEMBER');
    const membership = await tx.membership.create({ data: { ...args, createdAt: now() } });
    await recordAudit(tx, actor, { tenantId: args.tenantId, action: 'membership.create', targetType: 'user', targetId: args.userId, after: { role: args.role } });
    return membership;
  });
}
