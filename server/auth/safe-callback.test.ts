import { describe, expect, it } from 'vitest';
import { CALLBACK_MAX_LENGTH, safeCallbackPath } from './safe-callback';

const ORIGIN = 'http://127.0.0.1:3100';

describe('safeCallbackPath: only same-origin paths are followed', () => {
  it.each([
    ['/', '/'],
    ['/t/tnt_demo', '/t/tnt_demo'],
    ['/t/tnt_demo/invoices?status=open#top', '/t/tnt_demo/invoices?status=open#top'],
    ['/staff/tenants', '/staff/tenants'],
    ['/t/tnt_demo/./invoices', '/t/tnt_demo/invoices'],
    ['/tenants?q=a%20b', '/tenants?q=a%20b'],
    ['/sign-in?signedOut=1', '/sign-in?signedOut=1'], // where sign-out sends people, through Auth.js's redirect callback
    ['/t/a%2Fb', '/t/a%2Fb'],
  ])('keeps %j', (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
    expect(safeCallbackPath(value, ORIGIN)).toBe(expected);
  });

  const attacks = [
    '//evil.example',
    '//evil.example/path',
    '///evil.example',
    '/\\evil.example',
    '\\/evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    '/%5Cevil.example',
    '/%5cevil.example',
    '/%255Cevil.example',
    '/%2F%2Fevil.example',
    '/%2f/evil.example',
    '%2F%2Fevil.example',
    '/%252F%252Fevil.example',
    '/.//evil.example',
    '/./%2F/evil.example',
    '\t/evil.example',
    '\t//evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/%09/evil.example',
    '/%0d%0aSet-Cookie:x=1',
    '/\u0000/evil.example',
    '/\u007f/evil.example',
    '/\u0085/evil.example',
    '/\u00a0/evil.example',
    '/\u2028/evil.example',
    '/\ufeff/evil.example',
    ' /evil.example',
    '/ /evil.example',
    'https://evil.example',
    'http://evil.example/',
    'HTTPS://evil.example',
    'https:evil.example',
    'http:/evil.example',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'javascript://%0aalert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'evil.example',
    'evil.example/path',
    '.evil.example',
    '?x=1',
    '#frag',
    '',
    '/%',
    '/%E0%A4%A',
    '/sign-in?callbackUrl=%2F%5Cevil.example',
    `/${'a'.repeat(CALLBACK_MAX_LENGTH)}`,
    `/${'%2F'.repeat(5000)}evil.example`,
  ];

  it.each(attacks.map((value) => [JSON.stringify(value).slice(0, 60), value]))('refuses %s', (_label, value) => {
    expect(safeCallbackPath(value)).toBe('/');
    expect(safeCallbackPath(value, ORIGIN)).toBe('/');
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 42, ['/t/tnt_demo'], { toString: () => '/t/tnt_demo' }]) expect(safeCallbackPath(value)).toBe('/');
  });

  it('accepts an absolute URL only on the given origin, reduced to its path', () => {
    expect(safeCallbackPath(`${ORIGIN}/t/tnt_demo?x=1`, ORIGIN)).toBe('/t/tnt_demo?x=1');
    expect(safeCallbackPath(ORIGIN, ORIGIN)).toBe('/');
    expect(safeCallbackPath(`${ORIGIN}/t/tnt_demo`)).toBe('/'); // origin unknown: paths only
    expect(safeCallbackPath('http://127.0.0.1:3101/t/tnt_demo', ORIGIN)).toBe('/'); // another port
    expect(safeCallbackPath('https://127.0.0.1:3100/t/tnt_demo', ORIGIN)).toBe('/'); // another scheme
    expect(safeCallbackPath('http://user:pw@127.0.0.1:3100/t', ORIGIN)).toBe('/');
    expect(safeCallbackPath(`${ORIGIN}//evil.example`, ORIGIN)).toBe('/');
    expect(safeCallbackPath(`${ORIGIN}/\\evil.example`, ORIGIN)).toBe('/');
    expect(safeCallbackPath(`${ORIGIN}/%5Cevil.example`, ORIGIN)).toBe('/');
    expect(safeCallbackPath('http://127.0.0.1:3100@evil.example/', ORIGIN)).toBe('/');
  });

  it('whatever it returns resolves to the same origin', () => {
    for (const value of attacks) {
      const resolved = new URL(safeCallbackPath(value, ORIGIN), ORIGIN);
      expect(resolved.origin).toBe(ORIGIN);
    }
  });
});
