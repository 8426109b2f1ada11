/**
 * Links handed to other people (an invitation, a provider's confirmation link) are written with the external
 * address the server is configured with (PUBLIC_URL, written into the page as
 * <meta name="tsunagu-public-url">), else with the address this browser uses — which may be an internal name
 * the recipient cannot reach. The files of links for mail merge use the same setting on the server.
 */
export function publicOrigin(): string {
  const configured =
    typeof document === 'undefined'
      ? ''
      : (document.querySelector<HTMLMetaElement>('meta[name="tsunagu-public-url"]')?.content.trim() ?? '');
  return configured || window.location.origin;
}

/** A path the server answered ('/invite#token=…') as a full address to hand over; full URLs stay as they are. */
export function absoluteLink(url: string): string {
  return url.startsWith('/') ? `${publicOrigin()}${url}` : url;
}
