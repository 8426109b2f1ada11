/**
 * The SMTP client: nodemailer with a small connection pool, so a long outbox drains over a few open connections
 * instead of one handshake per message. The only I/O of the mail module besides the database.
 */
import nodemailer from 'nodemailer';
import type { MailSettings } from './settings';

export type OutgoingMail = {
  from: { name: string; address: string };
  to: { name: string; address: string };
  subject: string;
  text: string;
  /** Stable per outbox row: a message sent twice (a sender died after the relay took it) reads as one. */
  messageId: string;
};

export type MailTransport = {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

/** A pooled SMTP transport for the settings. */
export function smtpTransport(settings: MailSettings): MailTransport {
  const transporter = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    pool: true,
    maxConnections: 3,
    maxMessages: 500,
    connectionTimeout: settings.timeoutMs,
    greetingTimeout: settings.timeoutMs,
    socketTimeout: settings.timeoutMs,
  });
  return {
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        // Headers are built by nodemailer from these fields only; nothing of the caller's becomes a raw header.
        disableFileAccess: true,
        disableUrlAccess: true,
      });
    },
    close() {
      transporter.close();
    },
  };
}
