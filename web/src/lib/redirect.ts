/** Only same-origin paths are followed after sign-in (no open redirect). */
export function safeRedirect(target: string | undefined, origin = window.location.origin): string {
  if (!target?.startsWith('/') || target.startsWith('/signin')) return '/';
  try {
    // '//evil.example' and '/\\evil.example' parse to another origin: refuse them.
    const url = new URL(target, origin);
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : '/';
  } catch {
    return '/';
  }
}
