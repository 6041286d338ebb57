import { describe, expect, it } from 'vitest';
import { parseTrustedProxies, resolveClient } from './client-address';
import { cleanUserAgent, EDGE_HEADERS, EDGE_SEAL_ENV, requestMetaFrom, UNKNOWN_IP } from './request-meta';

const none = parseTrustedProxies(undefined);
const proxies = parseTrustedProxies('10.0.0.0/8, 192.0.2.1, fd00::/8');

describe('resolveClient', () => {
  it('takes the socket address and ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(resolveClient('203.0.113.5', '1.2.3.4', 'https', none)).toEqual({ ip: '203.0.113.5', viaTrustedProxy: false, forwardedHttps: false });
    expect(resolveClient('::ffff:127.0.0.1', '1.2.3.4', undefined, none).ip).toBe('127.0.0.1');
  });

  it('ignores forwarded headers from a peer that is not a trusted proxy', () => {
    expect(resolveClient('203.0.113.5', '1.2.3.4', 'https', proxies)).toMatchObject({ ip: '203.0.113.5', viaTrustedProxy: false, forwardedHttps: false });
  });

  it('walks X-Forwarded-For from the right past trusted hops to the first untrusted one', () => {
    expect(resolveClient('10.1.1.1', '198.51.100.7', 'https', proxies)).toEqual({ ip: '198.51.100.7', viaTrustedProxy: true, forwardedHttps: true });
    // The caller wrote 6.6.6.6 itself; our proxy appended the address it saw.
    expect(resolveClient('10.1.1.1', '6.6.6.6, 198.51.100.7, 10.2.2.2', 'http', proxies).ip).toBe('198.51.100.7');
    expect(resolveClient('192.0.2.1', '', undefined, proxies).ip).toBe('192.0.2.1');
    expect(resolveClient('10.1.1.1', '10.3.3.3, 10.2.2.2', undefined, proxies).ip).toBe('10.3.3.3');
    expect(resolveClient('::ffff:10.1.1.1', '[2001:db8::1]', undefined, proxies).ip).toBe('2001:db8::1');
  });

  it('stops at garbage in the chain instead of believing what lies left of it', () => {
    expect(resolveClient('10.1.1.1', '1.2.3.4, <script>, 10.2.2.2', undefined, proxies).ip).toBe('10.2.2.2');
  });

  it('refuses a malformed TRUSTED_PROXIES setting at start', () => {
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/prefix/);
    expect(() => parseTrustedProxies('proxy.example')).toThrow(/not an address/);
  });
});

describe('requestMetaFrom', () => {
  it('trusts the edge headers only with this process’s seal', () => {
    const id = crypto.randomUUID();
    const sealed = new Headers({ [EDGE_HEADERS.clientIp]: '198.51.100.7', [EDGE_HEADERS.requestId]: id, [EDGE_HEADERS.seal]: process.env[EDGE_SEAL_ENV]! });
    expect(requestMetaFrom(sealed)).toMatchObject({ ip: '198.51.100.7', requestId: id });
    const forged = new Headers({ [EDGE_HEADERS.clientIp]: '198.51.100.7', [EDGE_HEADERS.requestId]: id, [EDGE_HEADERS.seal]: 'guess', 'x-forwarded-for': '1.2.3.4', 'x-request-id': id });
    const meta = requestMetaFrom(forged);
    expect(meta.ip).toBe(UNKNOWN_IP);
    expect(meta.requestId).not.toBe(id);
    expect(meta.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('makes its own request id when the edge’s is not a UUID', () => {
    const headers = new Headers({ [EDGE_HEADERS.requestId]: '<b>x</b>', [EDGE_HEADERS.seal]: process.env[EDGE_SEAL_ENV]! });
    expect(requestMetaFrom(headers).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('bounds and cleans the user agent', () => {
    expect(cleanUserAgent('Mozilla/5.0 <script>alert("x")</script>\u0000\n')).toBe('Mozilla/5.0 script alert( x ) /script');
    expect(cleanUserAgent('a'.repeat(5000))).toHaveLength(256);
    expect(cleanUserAgent(null)).toBe('');
  });
});
