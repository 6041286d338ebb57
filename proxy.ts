import { NextResponse, type NextRequest } from 'next/server';

/**
 * An optimistic check for pages only: no session cookie → the sign-in page. The real check
 * (database session, membership) happens in each layout and procedure. REST paths never come
 * here (see the matcher), so an API caller gets its 401 body, never a redirect to a form.
 */
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

export function proxy(request: NextRequest) {
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (signedIn) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/sign-in';
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Pages that need a person: the start page, tenant pages, the picker and the staff console.
  // Public pages (sign-in, the API reference at /docs/api) stay outside it.
  matcher: ['/', '/t/:path*', '/tenants', '/staff/:path*'],
};
