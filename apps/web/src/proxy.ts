// Every page URL carries its locale (/zh-TW/…, /en/…). A URL without one is sent to the user's
// remembered language (cookie), else the browser's, else Traditional Chinese.
import { type NextRequest, NextResponse } from 'next/server';

const LOCALES = ['zh-TW', 'en'];
export const LOCALE_COOKIE = 'il_locale';

function preferredLocale(req: NextRequest): string {
  const remembered = req.cookies.get(LOCALE_COOKIE)?.value;
  if (remembered && LOCALES.includes(remembered)) return remembered;
  const accept = req.headers.get('accept-language') ?? '';
  const first = accept.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-TW';
}

export function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  const first = pathname.split('/')[1] ?? '';
  if (LOCALES.includes(first)) {
    const response = NextResponse.next();
    if (req.cookies.get(LOCALE_COOKIE)?.value !== first) {
      response.cookies.set(LOCALE_COOKIE, first, { path: '/', maxAge: 365 * 86400, sameSite: 'lax' });
    }
    return response;
  }
  const url = req.nextUrl.clone();
  url.pathname = `/${preferredLocale(req)}${pathname === '/' ? '' : pathname}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ['/((?!api|_next|favicon.ico).*)'] };
