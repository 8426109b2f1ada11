/**
 * Browser test harness: the real server (Hono app + built web client) in-process on an ephemeral port,
 * over a fresh seeded test database, driven by Debian's chromium through playwright-core.
 *
 * - A missing browser or a missing web build is a failure, never a skip.
 * - Every request that is not to our own origin is blocked and recorded; `assertClean()` fails the test
 *   if a page tried one ("no request leaves the origin"), hit a CSP violation or threw.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { serve } from '@hono/node-server';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import type { Database } from '../../src/db/client';
import { type DemoAccount, seedDemo } from '../../src/demo/seed';
import { totpCode, totpStep } from '../../src/modules/accounts/totp';
import type { MailSettings } from '../../src/modules/mail/settings';
import { createApp } from '../../src/server/app';
import { testConfig } from '../../src/server/config';
import type { Deps } from '../../src/server/context';
import { createDeps } from '../../src/server/deps';
import { createLogger } from '../../src/server/logger';
import { serveWeb, WEB_DIST } from '../../src/server/web';
import { createSeededTestDatabase } from '../../src/test/db';

export const DEMO_PASSWORD = 'Demo-password-2026';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type Harness = {
  baseUrl: string;
  accounts: DemoAccount[];
  deps: Deps;
  db: Database;
  browser: Browser;
  /** The demo account of a role (the first one when a role has several). */
  account(role: string): DemoAccount;
  /** A fresh browser context (own cookies and storage) with the origin guard, and a page in it. */
  /** A page in a fresh context; `geolocation` grants the position permission and sets the device's position. */
  newPage(opts?: {
    viewport?: { width: number; height: number };
    geolocation?: { latitude: number; longitude: number };
  }): Promise<Page>;
  /** A TOTP code the server accepts now for this secret (never one it has already seen). */
  totp(secret: string): string;
  /** Fails when any page of this harness left the origin, broke the CSP or threw since the last call. */
  assertClean(): void;
  close(): Promise<void>;
};

export function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it (apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/**
 * The server clock runs ahead of the wall clock by whole TOTP steps when needed: the server refuses a
 * second use of the same 30-second code, and tests sign the same account in more than once.
 */
class SteppingClock {
  offsetMs = 0;
  now = () => new Date(Date.now() + this.offsetMs);
  private lastStep = new Map<string, number>();

  /** A TOTP code the server will accept now for this secret, moving the clock on if the step was used. */
  codeFor(secret: string): string {
    let step = totpStep(this.now());
    const last = this.lastStep.get(secret);
    if (last !== undefined && step <= last) {
      this.offsetMs += (last - step + 1) * 30_000;
      step = totpStep(this.now());
    }
    this.lastStep.set(secret, step);
    return totpCode(secret, this.now());
  }
}

let activeClock: SteppingClock | null = null;

/**
 * Starts the app on 127.0.0.1:<ephemeral> over a fresh database seeded with the demo prefecture. `mail` turns
 * outgoing mail on for the app (as SMTP_URL and MAIL_FROM do): messages are queued in the outbox and the journey
 * sends them itself (`drainMail`); without it mail is off, as in every other journey.
 */
export async function startHarness(opts: { children?: number; mail?: MailSettings } = {}): Promise<Harness> {
  if (!existsSync(resolve(WEB_DIST, 'index.html'))) {
    throw new Error(
      `The web client is not built (${WEB_DIST}/index.html missing): run \`npm run build\` first.`,
    );
  }
  const browser = await launchChromium();
  const clock = new SteppingClock();
  activeClock = clock;
  const children = opts.children ?? 60;
  const log = createLogger('silent');
  // The demo prefecture of a size is seeded once per run and copied for each test file that asks for it.
  const { db, seeded: accounts } = await createSeededTestDatabase(`demo_${children}`, (fresh) =>
    seedDemo(createDeps({ db: fresh, config: testConfig(), log, now: clock.now }), {
      children,
      passwords: DEMO_PASSWORD,
    }),
  );
  const deps: Deps = createDeps({ db, config: testConfig({ mail: opts.mail }), log, now: clock.now });
  deps.jobs.start();
  const app = createApp(deps);
  if (!serveWeb(app)) throw new Error('serveWeb found no build');

  const server = await new Promise<ReturnType<typeof serve>>((ready) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => ready(s));
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const problems: string[] = [];
  const contexts: BrowserContext[] = [];

  const newPage: Harness['newPage'] = async (pageOpts = {}) => {
    const context = await browser.newContext({
      baseURL: origin,
      viewport: pageOpts.viewport ?? { width: 1280, height: 900 },
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      serviceWorkers: 'block',
      ...(pageOpts.geolocation ? { geolocation: pageOpts.geolocation, permissions: ['geolocation'] } : {}),
    });
    contexts.push(context);
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`) || url === origin) return route.continue();
      problems.push(`request left the origin: ${url}`);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`page error on ${page.url()}: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content.Security.Policy|Refused to/i.test(msg.text())) {
        problems.push(`CSP violation on ${page.url()}: ${msg.text()}`);
      }
    });
    return page;
  };

  return {
    baseUrl: origin,
    accounts,
    deps,
    db,
    browser,
    account(role) {
      const a = accounts.find((x) => x.role === role);
      if (!a) throw new Error(`no demo account for role ${role}`);
      return a;
    },
    newPage,
    totp: (secret) => clock.codeFor(secret),
    assertClean() {
      const found = problems.splice(0);
      if (found.length) throw new Error(`The page broke the closed-network rules:\n  ${found.join('\n  ')}`);
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await new Promise<void>((done) => server.close(() => done()));
      await deps.jobs.stop();
      await db.close();
      if (activeClock === clock) activeClock = null;
    },
  };
}

/**
 * Waits until the screen has its heading and no loading message. The check runs every 50 ms rather than on every
 * animation frame (playwright's default): reading a large page's whole text sixty times a second competes for the
 * CPU with the page being waited for.
 */
export async function waitForPage(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor({ state: 'visible' });
  await page.waitForFunction(
    () => {
      // After a click on a link the previous page stays on show until the next one has loaded: the root route
      // marks on <html> which path is on show and whether the router is still loading (RouteSettled.tsx).
      const route = document.documentElement.dataset;
      if (route.routeStatus !== undefined) {
        const here = decodeURI(window.location.pathname);
        if (route.routeStatus !== 'idle' || decodeURI(route.routePath ?? '') !== here) return false;
      }
      const text = document.body.textContent ?? '';
      return !text.includes('読み込み中です') && !text.includes('Loading…');
    },
    undefined,
    { polling: 50 },
  );
}

/**
 * Waits until the page's main heading reads `text`, then until it has finished loading. Use after a click
 * that navigates: the previous screen's heading stays on show while the next screen's code is fetched.
 */
export async function expectHeading(page: Page, text: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor({ state: 'visible' });
  await waitForPage(page);
}

/** Signs in through the form, entering the TOTP code when the role has one. Ends on the home page. */
export async function signIn(page: Page, account: DemoAccount): Promise<void> {
  await page.goto('/signin');
  await page.locator('input[type="email"]').fill(account.email);
  await page.locator('input[type="password"]').fill(account.password);
  await page.locator('form button[type="submit"]').click();
  const nav = page.getByRole('navigation', { name: /メインメニュー|Main menu/, includeHidden: true });
  const codeInput = page.locator('input[autocomplete="one-time-code"]');
  // The menu is in the page once signed in (on a phone it is folded behind its button, so not visible).
  await nav.or(codeInput).first().waitFor({ state: 'attached' });
  if (await codeInput.isVisible()) {
    if (!account.totpSecret) throw new Error(`${account.email} was asked for a TOTP code but has no secret`);
    if (!activeClock) throw new Error('signIn needs a running harness');
    await codeInput.fill(activeClock.codeFor(account.totpSecret));
    await page.locator('form button[type="submit"]').click();
  }
  await nav.waitFor({ state: 'attached' });
  await waitForPage(page);
}

/** Runs axe (WCAG 2.0–2.2 A/AA) on the page and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  await expectNoRawInstants(page, label);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  if (results.violations.length === 0) return;
  const lines = results.violations.flatMap((v) => [
    `- [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})`,
    ...v.nodes
      .slice(0, 5)
      .map((n) => `    at ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`),
    ...(v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more`] : []),
  ]);
  throw new Error(`axe found ${results.violations.length} violation(s) on ${label}:\n${lines.join('\n')}`);
}

/**
 * No machine timestamp on screen: an instant such as `2026-12-07T17:54:10.938Z` shown as it came from the API means
 * a screen rendered it without `formatDay` / `formatDateTime` (`formatDate` reads one as its day in Japan too).
 * Checked with every axe check, so every page the journeys look at is read for it.
 */
export async function expectNoRawInstants(page: Page, label = page.url()): Promise<void> {
  // biome-ignore lint/performance/useDomNodeTextContent: what is shown, not the text of hidden nodes or scripts
  const text = await page.evaluate(() => document.body.innerText);
  const raw = text.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[^\s]*/g) ?? [];
  if (raw.length > 0) throw new Error(`machine timestamps shown on ${label}: ${raw.slice(0, 5).join(', ')}`);
}

/** True when the text holds kana or kanji. */
export function hasJapanese(text: string): boolean {
  return /[\u3040-\u30ff\u3400-\u9fff]/.test(text);
}

/** Polls a locator's text (playwright-core has no web-first assertions; vitest's expect.poll retries). */
export const textOf = (locator: Locator) => () => locator.textContent().then((s) => (s ?? '').trim());

/** The accessible description of an element: the text of its aria-describedby targets. */
export function descriptionOf(locator: Locator) {
  return () =>
    locator.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join(' '),
    );
}

/** True when the element has the focus. */
export function isFocused(locator: Locator) {
  return () => locator.evaluate((el) => el === document.activeElement);
}
