/**
 * Which mail settings a notification written now may use (decision 0030). `notify()` is called deep inside many
 * modules' transactions, with only the transaction in hand; rather than thread the mail settings through every
 * caller, the app runs each request (app.ts) and each background job (server/deps.ts) inside this context with
 * its own `config.mail`. Outside any context — a script, a test calling a function directly — mail is off.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { JobHandler } from '../../jobs/queue';
import type { MailSettings } from '../mail/settings';

const context = new AsyncLocalStorage<{ mail: MailSettings | undefined }>();

/** Runs `fn` with `mail` as the settings notifications may mail with (undefined: mail off). */
export function withMailSettings<T>(mail: MailSettings | undefined, fn: () => T): T {
  return context.run({ mail }, fn);
}

/** The settings of the request or job running now; undefined with mail off or outside any. */
export function currentMailSettings(): MailSettings | undefined {
  return context.getStore()?.mail;
}

/** The job handlers, each run inside the mail context of `mail` (server/deps.ts). */
export function withMailHandlers(
  handlers: Record<string, JobHandler>,
  mail: MailSettings | undefined,
): Record<string, JobHandler> {
  const out: Record<string, JobHandler> = {};
  for (const [kind, h] of Object.entries(handlers))
    out[kind] = { ...h, run: (ctx) => withMailSettings(mail, () => h.run(ctx)) };
  return out;
}
