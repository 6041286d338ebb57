import { expect } from 'vitest';
import type { Fixture, IsolationCases } from '../../test/isolation';
import { prisma } from '../db';
import { notifyTenant } from './notify';

/** An unread in-app notice for every member of A, when the call is expected to succeed. */
async function noticeForA(fx: Fixture, mode: 'allowed' | 'denied'): Promise<string[]> {
  if (mode === 'denied') return ['ntf_denied'];
  const { inApp } = await prisma.$transaction((tx) => notifyTenant(tx, {
    tenantId: fx.A.tenant.id, kind: 'isolation', channels: ['in_app'], roles: ['owner', 'admin', 'billing', 'viewer'],
    text: { en: { title: 'Notice', body: 'For A' }, 'zh-CN': { title: '通知', body: '给 A' } },
  }));
  return inApp;
}

/** How each `notifications.*` procedure is scoped (gathered by server/trpc/isolation.test.ts): the caller's own rows in the tenant. */
export const notificationsIsolationCases: IsolationCases = {
  'notifications.list': {
    kind: 'tenant', type: 'query', minRole: 'viewer',
    run: async (c, fx, mode) => {
      await noticeForA(fx, mode);
      return c.notifications.list({});
    },
    ownsA: (r: { items: { title: string; body: string }[] }) => {
      expect(r.items.length).toBeGreaterThan(0);
      expect(r.items.every((n) => n.body === '给 A' || n.body === 'For A' || n.title.length > 0)).toBe(true);
    },
  },
  'notifications.unreadCount': {
    kind: 'tenant', type: 'query', minRole: 'viewer',
    run: async (c, fx, mode) => {
      await noticeForA(fx, mode);
      return c.notifications.unreadCount();
    },
    ownsA: (r: { count: number }) => expect(r.count).toBeGreaterThan(0),
  },
  'notifications.markRead': {
    kind: 'tenant', type: 'mutation', minRole: 'viewer',
    run: async (c, fx, mode) => c.notifications.markRead({ ids: await noticeForA(fx, mode) }),
    // One notice per member was written; the caller may mark only its own.
    ownsA: (r: { updated: number }) => expect(r.updated).toBe(1),
  },
  'notifications.markAllRead': {
    kind: 'tenant', type: 'mutation', minRole: 'viewer',
    run: async (c, fx, mode) => {
      await noticeForA(fx, mode);
      return c.notifications.markAllRead();
    },
    ownsA: (r: { updated: number }) => expect(r.updated).toBeGreaterThanOrEqual(1),
  },
};
