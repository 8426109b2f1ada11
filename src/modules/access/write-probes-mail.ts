/**
 * The mail module's write operations naming a message (write-probes.ts explains the classification): resending
 * it and marking it bounced.
 */
import { on, type Probe } from './write-probe-kit';

export const MAIL_PROBES: Record<string, Probe> = {
  'POST /api/mail/outbox/{id}/resend': on('mail_outbox', (i) => `/api/mail/outbox/${i.mailMessage}/resend`),
  'POST /api/mail/outbox/{id}/bounced': on(
    'mail_outbox',
    (i) => `/api/mail/outbox/${i.mailMessage}/bounced`,
    {},
  ),
};
