/** The caller's address as the first proxy saw it; only trusted because the portal runs behind our own proxy. */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip') || '127.0.0.1';
}

export function userAgent(headers: Headers): string {
  return (headers.get('user-agent') ?? '').slice(0, 500);
}
