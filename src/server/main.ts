import { resolve } from 'node:path';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { type DemoAccount, seedDemoIfEmpty } from '../demo/seed';
import { startSchedules } from '../jobs/schedule';
import { checkpointKey } from '../modules/audit/checkpoint';
import { startAuditSealer } from '../modules/audit/sealer';
import { startMailSender } from '../modules/mail/sender';
import { describeMail } from '../modules/mail/settings';
import { smtpTransport } from '../modules/mail/transport';
import { acquireEmbeddedLock, EmbeddedLockError } from '../ops/embedded-lock';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import type { Deps } from './context';
import { createDeps } from './deps';
import { bindPort, listenFailureMessage } from './listen';
import { createLogger } from './logger';
import { moduleSchedules } from './modules';
import { serveWeb } from './web';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const log = createLogger(config.logLevel);
  // PGlite has no locking of its own: one process at a time may open the embedded data directory.
  let releaseLock = () => {};
  if (!config.databaseUrl) {
    try {
      releaseLock = acquireEmbeddedLock(config.dataDir);
    } catch (e) {
      if (e instanceof EmbeddedLockError) {
        console.error(e.message);
        process.exit(2);
      }
      throw e;
    }
  }
  // Take the port first: a second server on a busy port stops here, before it opens the database or starts the
  // audit sealer and the job worker (it has claimed nothing).
  let bound: Awaited<ReturnType<typeof bindPort>>;
  try {
    bound = await bindPort({ port: config.port, host: config.host });
  } catch (e) {
    const message = listenFailureMessage(e, config.port);
    if (!message) throw e;
    console.error(message);
    releaseLock();
    process.exit(2);
  }
  const { server } = bound;

  const db = await openDatabase(
    config.databaseUrl
      ? { url: config.databaseUrl, onIdleError: (err) => log.warn({ err }, 'idle database connection lost') }
      : { dataDir: resolve(config.dataDir, 'pglite') },
  );
  await migrateDatabase(db);
  const deps: Deps = createDeps({ db, config, log, now: () => new Date() });

  const seeded = !config.databaseUrl && config.demoSeed === 'auto' ? await seedDemoIfEmpty(deps) : null;

  const app = createApp(deps);
  if (!serveWeb(app, { mapTiles: config.mapTiles, publicUrl: config.publicUrl })) {
    log.warn('dist/web is missing: run `npm run build` to serve the web front end');
  }
  bound.serve((request, env) => app.fetch(request, env));
  log.info({ port: config.port, database: db.kind }, `Tsunagu listening on http://localhost:${config.port}`);

  // Chains committed audit entries by hash shortly after each request and checkpoints the chain's head,
  // signed and logged (docs/decisions/0003 and 0012).
  const stopSealer = startAuditSealer(db.systemDb, log, {
    key: checkpointKey(config.secret),
    checkpointIntervalMs: config.auditCheckpointMs,
    now: deps.now,
  });
  // Background jobs (imports, linkage runs): any number of servers share the queue in the database.
  deps.jobs.start();
  // Jobs on a schedule (the escalation of unanswered consultation requests), queued per prefecture.
  const stopSchedules = startSchedules({
    db: db.systemDb,
    worker: deps.jobs,
    schedules: moduleSchedules(),
    log,
    now: deps.now,
  });
  // Outgoing mail, when configured: the outbox is sent by this process's sender (decision 0028).
  log.info(describeMail(config.mail));
  const stopMail = config.mail
    ? startMailSender({
        db: db.systemDb,
        settings: config.mail,
        transport: smtpTransport(config.mail),
        log,
        now: deps.now,
      })
    : async () => {};
  // The demo's sign-ins come last, after the start's log lines (listening, the first audit checkpoint), so the
  // banner is what the terminal shows.
  // pino writes to stdout asynchronously (and its flush does not wait for a write under way): the banner waits a
  // moment more, or it would land between the lines.
  if (seeded) {
    void stopSealer.firstRound.then(() =>
      setTimeout(() => printDemoBanner(seeded, config.port, config.demoRoleSwitch), BANNER_DELAY_MS),
    );
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing open requests');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(async () => {
      await stopSealer();
      stopSchedules();
      await deps.jobs.stop();
      await stopMail();
      await db.close();
      releaseLock();
      log.info('stopped');
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/** How long the demo banner waits after the start's last log line. */
const BANNER_DELAY_MS = 500;

function printDemoBanner(accounts: DemoAccount[], port: number, roleSwitch: boolean) {
  const lines = [
    '',
    '======================================================================',
    ` Tsunagu demo — http://localhost:${port}`,
    ' デモ用の架空データです（実在の人物ではありません）。Fictional demo data only.',
    ' Sign in as (role, then e-mail, password [and TOTP secret for an authenticator app]):',
    ...accounts.map(
      (a) => `  ${a.label}\n      ${a.email}  ${a.password}${a.totpSecret ? `  TOTP: ${a.totpSecret}` : ''}`,
    ),
    ' Current TOTP code for a demo account: npm run tsunagu -- demo totp <e-mail>',
    ...(roleSwitch
      ? [" Or sign in with no code: the sign-in page's panel 「デモ用：役割を選んでサインイン」 (demo only)."]
      : []),
    '======================================================================',
    '',
  ];
  console.log(lines.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
