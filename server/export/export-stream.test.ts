import { afterEach, describe, expect, it, vi } from 'vitest';
import { POST } from '@/app/internal/billing/export-user-data/route';
import { seedTestTenant, uniqueSuffix } from '@/prisma/seed/factories';
import { SYSTEM_ACTOR } from '@/server/audit/actor';
import { prisma } from '@/server/db';
import { createServiceCredential } from '@/server/staff/service-credentials';
import { startSubscription } from '@/server/subscriptions/start-subscription';
import { bearer, edgeHeaders } from '@/test/harness';
import { exportStream } from './export-user-data';

afterEach(() => vi.restoreAllMocks());

async function readAll(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += decoder.decode(value, { stream: true });
  }
}

describe('a failure after the first byte', () => {
  it('errors the stream (the reader rejects) instead of ending a short document', async () => {
    async function* pieces() {
      yield '{"code":200,"data":{"tenants":[';
      throw new Error('connection lost');
    }
    const onError = vi.fn();
    await expect(readAll(exportStream(pieces(), onError))).rejects.toThrow('connection lost');
    expect(onError).toHaveBeenCalledOnce();
  });

  it('through the route: a database error mid-export leaves a 200 whose body cannot be read to the end', async () => {
    const A = await seedTestTenant();
    await startSubscription({ tenantId: A.tenant.id, planCode: 'pro', adminUserId: A.users.owner.id }, A.ownerActor);
    const { token } = await createServiceCredential({ name: `stream-${uniqueSuffix()}`, scopes: ['export:user-data'] }, SYSTEM_ACTOR);
    const client = (globalThis as { counterfoilPrisma?: typeof prisma }).counterfoilPrisma!;
    // The billing records section is the first raw statement, after the subscriptions were written.
    vi.spyOn(client, '$queryRaw').mockRejectedValue(new Error('connection lost'));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await POST(new Request('http://localhost/internal/billing/export-user-data', {
      method: 'POST', headers: { 'content-type': 'application/json', ...bearer(token), ...edgeHeaders('10.5.5.5') }, body: JSON.stringify({ user_id: A.users.owner.id }),
    }), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    await expect(readAll(response.body!)).rejects.toThrow('connection lost');
  });
});
