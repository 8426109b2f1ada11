import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { type MailSettings, parseMailSettings } from '../modules/mail/settings';
import { parseTrustProxy, type TrustProxy } from './client-ip';

/**
 * Every environment variable the server reads, validated once at boot.
 * Documented in docs/configuration.md; a bad value stops the process with a readable list.
 */
const ZEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  TSUNAGU_SECRET: z.string().min(32).optional(),
  COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  SIGNIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  DEMO_SEED: z.enum(['auto', 'never']).default('auto'),
  DEMO_ROLE_SWITCH: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx) => {
      const parsed = parseTrustProxy(v);
      if (parsed.ok) return parsed.trust;
      ctx.addIssue({
        code: 'custom',
        message: `${parsed.problem}: give false, true, a number of proxies (1–10) or proxy addresses/CIDRs separated by commas`,
      });
      return z.NEVER;
    }),
  PUBLIC_URL: z.string().url().optional(),
  MAP_TILE_URL: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .superRefine((v, ctx) => {
      const problem = v === undefined ? null : tileTemplateProblem(v);
      if (problem) {
        ctx.addIssue({
          code: 'custom',
          message: `${problem}: give an http(s) URL template with {z}, {x} and {y}, e.g. https://tiles.example.lg.jp/{z}/{x}/{y}.png`,
        });
      }
    }),
  MAP_TILE_ATTRIBUTION: z.string().trim().max(200).optional(),
  PUBLIC_SEARCH_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(15),
  AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(1).max(1440).default(5),
  REGISTRATION_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(1000).default(5),
  LEARNING_MEDIA_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024 * 1024)
    .max(16 * 1024 ** 3)
    .default(2 * 1024 ** 3),
  SMTP_URL: z.string().optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().optional(),
  NODE_ENV: z.string().default('development'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  secret: string;
  /** The session cookie is `Secure` and named `__Host-tsunagu_session` (accounts/cookie.ts). */
  cookieSecure: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  signInMaxFailures: number;
  signInLockMs: number;
  demoSeed: 'auto' | 'never';
  /** The demo's role switch (only on a seeded demo database on the embedded engine); off with DEMO_ROLE_SWITCH=off. */
  demoRoleSwitch: boolean;
  logLevel: string;
  /** Which proxies may name the client in X-Forwarded-For (client-ip.ts); false: none. */
  trustProxy: TrustProxy;
  publicUrl: string | undefined;
  /** The map's raster tile server (inside the closed network); unset: the public map shows markers only. */
  mapTiles: MapTiles | undefined;
  /** How long each server keeps a public resources search answer (0: not at all); see decision 0009. */
  publicSearchCacheMs: number;
  /** How often the sealer checkpoints the audit chain's head when it has moved (decision 0012). */
  auditCheckpointMs: number;
  /** The largest lesson video a centre may upload (decision 0021); captions and documents have their own. */
  learningMediaMaxBytes: number;
  /** Registrations the public form accepts from one client address per hour (a hospital's ward may need more). */
  registrationLimitPerAddress: number;
  /** Outgoing mail (SMTP_URL, MAIL_FROM; decision 0028); unset: off, every link stays on screen. */
  mail: MailSettings | undefined;
};

export type MapTiles = {
  /** URL template with {z}, {x} and {y}. */
  url: string;
  /** Its origin, the only one added to the CSP img-src. */
  origin: string;
  /** Credit shown on the map (the tile provider's licence usually requires it); may be empty. */
  attribution: string;
};

/** Why a MAP_TILE_URL template is unusable, or null when it is fine. */
export function tileTemplateProblem(template: string): string | null {
  for (const part of ['{z}', '{x}', '{y}']) if (!template.includes(part)) return `missing ${part}`;
  let url: URL;
  try {
    url = new URL(template.replace(/\{[zxy]\}/g, '0'));
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'not http(s)';
  if (url.username || url.password) return 'credentials in the URL';
  return null;
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (設定に誤りがあります):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  let secret = e.TSUNAGU_SECRET;
  if (!secret) {
    if (e.DATABASE_URL) {
      // App servers behind a load balancer must share the secret, so it cannot be generated per process.
      throw new ConfigError(
        'Invalid configuration (設定に誤りがあります):\n  TSUNAGU_SECRET: required (32+ characters) when DATABASE_URL is set',
      );
    }
    secret = embeddedSecret(dataDir);
  }
  const mail = parseMailSettings(e);
  if (!mail.ok) {
    throw new ConfigError(
      `Invalid configuration (設定に誤りがあります):\n${mail.problems.map((p) => `  ${p}`).join('\n')}`,
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    secret,
    cookieSecure:
      e.COOKIE_SECURE === 'auto'
        ? e.NODE_ENV === 'production' ||
          (e.PUBLIC_URL !== undefined && new URL(e.PUBLIC_URL).protocol === 'https:')
        : e.COOKIE_SECURE === 'true',
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    signInMaxFailures: e.SIGNIN_MAX_FAILURES,
    signInLockMs: e.SIGNIN_LOCK_MINUTES * 60_000,
    demoSeed: e.DEMO_SEED,
    demoRoleSwitch: e.DEMO_ROLE_SWITCH === 'on',
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    publicUrl: e.PUBLIC_URL,
    mapTiles: e.MAP_TILE_URL
      ? {
          url: e.MAP_TILE_URL,
          origin: new URL(e.MAP_TILE_URL.replace(/\{[zxy]\}/g, '0')).origin,
          attribution: e.MAP_TILE_ATTRIBUTION ?? '',
        }
      : undefined,
    publicSearchCacheMs: e.PUBLIC_SEARCH_CACHE_SECONDS * 1000,
    auditCheckpointMs: e.AUDIT_CHECKPOINT_MINUTES * 60_000,
    learningMediaMaxBytes: e.LEARNING_MEDIA_MAX_BYTES,
    registrationLimitPerAddress: e.REGISTRATION_LIMIT_PER_ADDRESS,
    mail: mail.settings,
  };
}

/** With the embedded database the secret lives beside the data, created on first start. */
function embeddedSecret(dataDir: string): string {
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** A config for tests: defaults, in-memory, fixed secret. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    dataDir: 'memory://',
    secret: 'test-secret-test-secret-test-secret-0123456789',
    cookieSecure: false,
    sessionIdleMs: 30 * 60_000,
    sessionAbsoluteMs: 12 * 3_600_000,
    signInMaxFailures: 5,
    signInLockMs: 15 * 60_000,
    demoSeed: 'never',
    demoRoleSwitch: true,
    logLevel: 'silent',
    trustProxy: false,
    publicUrl: undefined,
    mapTiles: undefined,
    // Off in tests: they change listings behind the API's back and search again at once.
    publicSearchCacheMs: 0,
    auditCheckpointMs: 5 * 60_000,
    learningMediaMaxBytes: 2 * 1024 ** 3,
    registrationLimitPerAddress: 5,
    mail: undefined,
    ...overrides,
  };
}
