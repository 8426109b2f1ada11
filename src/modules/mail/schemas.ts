import { z } from '@hono/zod-openapi';
import { MAIL_KINDS, MAIL_PROBLEMS, MAIL_STATUSES } from '../../shared/vocab/mail';
import type { QueueResult } from './outbox';

/** What became of the mail that carries a link: queued, not sent (mail off) or failed at once (no address). */
export const ZMailDelivery = z
  .object({
    status: z.enum(['queued', 'off', 'failed']).openapi({
      description:
        '`queued`: the link was also mailed (see the outbox); `off`: mail is not configured; `failed`: see `problem`.',
    }),
    problem: z.enum(['no_address']).nullable(),
  })
  .openapi('MailDelivery');

export type MailDelivery = z.infer<typeof ZMailDelivery>;

/** The API form of a queue result. */
export function deliveryOf(r: QueueResult): MailDelivery {
  return { status: r.status, problem: r.status === 'failed' ? r.problem : null };
}

export const ZForgotPasswordRequest = z
  .object({ email: z.string().trim().toLowerCase().max(254) })
  .openapi('ForgotPasswordRequest');

export const ZAccepted = z
  .object({
    accepted: z.literal(true),
    mailOn: z.boolean().openapi({
      description:
        'false: this deployment sends no mail; an administrator resets passwords (the page says so).',
    }),
  })
  .openapi('ForgotPasswordAccepted');

export const ZOutboxMessage = z
  .object({
    id: z.string().uuid(),
    toAddress: z.string().nullable(),
    toName: z.string(),
    locale: z.enum(['ja', 'en']),
    kind: z.enum(MAIL_KINDS),
    subject: z.string(),
    status: z.enum(MAIL_STATUSES),
    attempts: z.number().int(),
    nextAttemptAt: z
      .string()
      .nullable()
      .openapi({ description: 'While queued: when the next attempt is due.' }),
    problem: z.enum(MAIL_PROBLEMS).nullable(),
    lastError: z
      .string()
      .nullable()
      .openapi({ description: "The relay's answer at the last failed attempt." }),
    sentAt: z.string().nullable(),
    createdAt: z.string(),
    canResend: z.boolean(),
  })
  .openapi('OutboxMessage');

export const ZBounceRecord = z
  .object({
    note: z
      .string()
      .trim()
      .max(500)
      .optional()
      .openapi({ description: 'The bounce’s reason as it came back (e.g. 550 5.1.1 User unknown).' }),
  })
  .openapi('BounceRecord');

export const ZBounceClear = z.object({ address: z.string().trim().min(1).max(254) }).openapi('BounceClear');

export const ZBouncesResponse = z
  .object({
    addresses: z.array(
      z.object({
        address: z.string(),
        since: z.string().openapi({ description: 'When the first message to it that bounced was written.' }),
        lastError: z.string().nullable(),
        messages: z.number().int(),
        userIds: z.array(z.string().uuid()).openapi({ description: 'The accounts that have this address.' }),
      }),
    ),
  })
  .openapi('BouncingAddresses');

export const ZOutboxQuery = z.object({
  status: z.enum(MAIL_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const ZOutboxResponse = z
  .object({
    mailOn: z.boolean().openapi({ description: 'Whether SMTP_URL and MAIL_FROM are set.' }),
    counts: z.record(z.enum(MAIL_STATUSES), z.number().int()),
    messages: z.array(ZOutboxMessage),
  })
  .openapi('OutboxResponse');
