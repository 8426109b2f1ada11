/**
 * What a failed attempt means and when to try again; pure (decision 0028).
 *
 * - The relay refused this recipient or this message for good — an SMTP 5xx answer to RCPT TO or DATA
 *   (nodemailer `EENVELOPE` / `EMESSAGE` with a 5xx `responseCode`): the message is `bounced` and shown to
 *   administrators; trying again would only be refused again.
 * - Anything else — no connection, a timeout, a 4xx "try later", a relay rejecting our credentials (a
 *   configuration fault, not the address's): the message goes back to `queued` with exponential back-off
 *   (1 min, 2, 4 … capped at 6 h) until its attempts are used up, then `failed` (`gave_up`).
 */
import type { MailProblem } from '../../shared/vocab/mail';

export const MAX_MAIL_ATTEMPTS = 8;
export const MAIL_RETRY_BASE_MS = 60_000;
export const MAIL_RETRY_MAX_MS = 6 * 3_600_000;

export type AttemptOutcome =
  | { kind: 'bounced'; problem: 'address_refused'; detail: string }
  | { kind: 'retry'; problem: 'relay_unavailable' | 'relay_refused'; detail: string };

/** Reads an error thrown while sending one message. */
export function classifySendError(e: unknown): AttemptOutcome {
  const err = (e ?? {}) as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown };
  const responseCode = typeof err.responseCode === 'number' ? err.responseCode : null;
  const detail = oneLine(
    typeof err.response === 'string' && err.response
      ? err.response
      : typeof err.message === 'string'
        ? err.message
        : String(e),
  );
  const code = typeof err.code === 'string' ? err.code : '';
  if (responseCode !== null && responseCode >= 500 && (code === 'EENVELOPE' || code === 'EMESSAGE'))
    return { kind: 'bounced', problem: 'address_refused', detail };
  if (responseCode !== null) return { kind: 'retry', problem: 'relay_refused', detail };
  return { kind: 'retry', problem: 'relay_unavailable', detail };
}

/** Wait before the next attempt after attempt number `attempts` (1-based) failed; null when none is left. */
export function retryDelayMs(attempts: number): number | null {
  if (attempts >= MAX_MAIL_ATTEMPTS) return null;
  return Math.min(MAIL_RETRY_MAX_MS, MAIL_RETRY_BASE_MS * 2 ** (attempts - 1));
}

/** The problem recorded when a retryable failure has used the last attempt. */
export const GAVE_UP: MailProblem = 'gave_up';

/** An error text for the administrators' list: one line, no more than 500 characters. */
export function oneLine(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    out += c < 0x20 || c === 0x7f ? ' ' : ch;
  }
  return out.replace(/ {2,}/g, ' ').trim().slice(0, 500);
}
