/**
 * Mail settings from the environment (decision 0028), pure: `SMTP_URL` (smtp:// or smtps://, user and password
 * in the URL or in `SMTP_USER` / `SMTP_PASSWORD`) and `MAIL_FROM` turn outgoing mail on; neither set leaves it
 * off (every link stays on screen, as before). Half a configuration, or a value that cannot work, is a problem
 * reported at start with the setting's name.
 */
import { headerProblem, isMailAddress } from './headers';

export type MailSettings = {
  host: string;
  port: number;
  /** smtps:// — TLS from the first byte (port 465); smtp:// upgrades with STARTTLS when the relay offers it. */
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
  from: { name: string; address: string };
  /** The product's address, for the links in a message (PUBLIC_URL). */
  publicUrl: string;
  /** How long the relay may take to connect, greet or answer before the attempt counts as failed. */
  timeoutMs: number;
};

export type MailEnv = {
  SMTP_URL?: string;
  SMTP_USER?: string;
  SMTP_PASSWORD?: string;
  MAIL_FROM?: string;
  PUBLIC_URL?: string;
};

export const DEFAULT_SMTP_TIMEOUT_MS = 20_000;

/** The settings, `undefined` when mail is off, or the problems (one line per setting) when it cannot work. */
export function parseMailSettings(
  env: MailEnv,
): { ok: true; settings: MailSettings | undefined } | { ok: false; problems: string[] } {
  const url = env.SMTP_URL?.trim() || undefined;
  const from = env.MAIL_FROM?.trim() || undefined;
  if (!url && !from) {
    if (env.SMTP_USER || env.SMTP_PASSWORD)
      return { ok: false, problems: ['SMTP_USER / SMTP_PASSWORD: set SMTP_URL too, or remove them'] };
    return { ok: true, settings: undefined };
  }
  const problems: string[] = [];
  if (!url) problems.push('SMTP_URL: required when MAIL_FROM is set (e.g. smtp://relay.example.lg.jp:587)');
  if (!from)
    problems.push('MAIL_FROM: required when SMTP_URL is set (e.g. "Tsunagu <no-reply@example.lg.jp>")');
  let parsed: URL | null = null;
  if (url) {
    try {
      parsed = new URL(url);
    } catch {
      problems.push('SMTP_URL: not a URL (give smtp://host:port or smtps://host:port)');
    }
    if (parsed && parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
      problems.push(`SMTP_URL: ${parsed.protocol} is not smtp: or smtps:`);
      parsed = null;
    }
    if (parsed && !parsed.hostname) {
      problems.push('SMTP_URL: no host');
      parsed = null;
    }
    if (parsed && (parsed.pathname.replace(/^\/+/, '') || parsed.search))
      problems.push('SMTP_URL: give only the scheme, credentials, host and port (no path or query)');
  }
  const sender = from ? parseFrom(from) : null;
  if (from && !sender)
    problems.push('MAIL_FROM: give an address, or a name and an address: "Tsunagu <no-reply@example.lg.jp>"');
  const user = (parsed?.username ? decodeURIComponent(parsed.username) : undefined) ?? env.SMTP_USER;
  const password = (parsed?.password ? decodeURIComponent(parsed.password) : undefined) ?? env.SMTP_PASSWORD;
  if (parsed?.username && env.SMTP_USER)
    problems.push('SMTP_USER: the user is already in SMTP_URL; give it in one place');
  if (Boolean(user) !== Boolean(password))
    problems.push('SMTP_PASSWORD: a user needs a password and a password needs a user');
  const publicUrl = env.PUBLIC_URL?.trim();
  if (!publicUrl) problems.push('PUBLIC_URL: required with mail, for the links in each message');
  if (problems.length || !parsed || !sender || !publicUrl) return { ok: false, problems };
  const secure = parsed.protocol === 'smtps:';
  return {
    ok: true,
    settings: {
      host: parsed.hostname.replace(/^\[|\]$/g, ''),
      port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
      secure,
      user: user || undefined,
      password: password || undefined,
      from: sender,
      publicUrl: publicUrl.replace(/\/+$/, ''),
      timeoutMs: DEFAULT_SMTP_TIMEOUT_MS,
    },
  };
}

/** `addr@host` or `Name <addr@host>`, with no line break anywhere; null otherwise. */
export function parseFrom(value: string): { name: string; address: string } | null {
  const m = /^(?:(.*?)\s*<([^<>\s]+)>|([^<>\s]+))$/.exec(value);
  if (!m) return null;
  const name = (m[1] ?? '').replace(/^"(.*)"$/, '$1');
  const address = m[2] ?? m[3] ?? '';
  if (!isMailAddress(address) || headerProblem(name)) return null;
  return { name, address };
}

/** What the start log says about mail, without the credentials. */
export function describeMail(settings: MailSettings | undefined): string {
  if (!settings) return 'mail off: links are shown on screen only';
  return `mail on: ${settings.secure ? 'smtps' : 'smtp'}://${settings.host}:${settings.port} from ${settings.from.address}`;
}
