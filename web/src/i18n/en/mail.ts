import type { jaMail } from '../ja/mail';

/** English UI strings: outgoing mail (the outbox, forgot password) (see ../en.ts). */
export const enMail = {
  'nav.outbox': 'Outgoing mail',
  'outbox.title': 'Outgoing mail',
  'outbox.intro':
    'Invitations, password resets and other messages, and whether they were delivered. A message never carries health information: it links to a page behind sign-in. A message that was not delivered can be sent again once the cause is fixed.',
  'outbox.mailOff':
    'Mail is not configured (SMTP_URL and MAIL_FROM). Invitation and password-reset links are shown on screen, as before.',
  'outbox.status': 'Status',
  'outbox.statusAll': 'All',
  'outbox.to': 'To',
  'outbox.subject': 'Subject',
  'outbox.kind': 'Kind',
  'outbox.attempts': 'Attempts',
  'outbox.attemptsValue': '{n}',
  'outbox.nextAttempt': 'Next attempt',
  'outbox.problem': 'Reason',
  'outbox.relayAnswer': "The mail relay's answer",
  'outbox.created': 'Created',
  'outbox.sentAt': 'Sent',
  'outbox.noAddress': '(no address)',
  'outbox.resend': 'Send again',
  'outbox.resent': 'The message to {to} is queued again.',
  'outbox.empty': 'No message matches.',
  'bounces.title': 'Addresses that bounce',
  'bounces.intro':
    'No mail goes to an address that bounced until the bounce is cleared (such mail is Failed: "Not sent: this address bounces"). When a bounce for a sent message comes back later to the sender’s mailbox (MAIL_FROM), press "Record as bounced" on that message. Once the address is corrected, clear it or resend.',
  'bounces.table': 'List of addresses that bounce',
  'bounces.none': 'No address bounces.',
  'bounces.since': 'Bouncing since',
  'bounces.messages': '{n} message(s)',
  'bounces.clear': 'Clear the bounce',
  'bounces.confirmClear':
    'Clear the bounce of {address}? Mail will go to this address again. Have you checked that the address is right?',
  'bounces.cleared': 'The bounce of {address} is cleared. Messages held back can be sent again with Resend.',
  'bounces.record': 'Record as bounced',
  'bounces.recordSubmit': 'Record',
  'bounces.note': 'Reason for the bounce (optional)',
  'bounces.noteHint': 'The reason in the bounce, on one line (e.g. 550 5.1.1 User unknown).',
  'bounces.userNote': 'Mail bounces (since {since}): no mail is sent until cleared',
  'outbox.counts': 'Counts',
  'forgot.link': 'Forgot your password?',
  'forgot.title': 'Forgot your password',
  'forgot.intro':
    'Enter the e-mail address of your account. If there is an account, we mail it a link to set a new password (valid for 24 hours).',
  'forgot.email': 'E-mail address',
  'forgot.submit': 'Send the link',
  'forgot.sent':
    'Thank you. If the address has an account, a message is on its way. If none arrives, check your junk folder or try again later.',
  'forgot.mailOff':
    'This system sends no mail. Ask your administrator to reset your password (they issue a reset link).',
  'forgot.toSignIn': 'Back to sign-in',
  'users.mailed': 'Also sent by mail (see Outgoing mail for its delivery).',
  'users.mailNoAddress': 'This user has no e-mail address, so no mail was sent.',
  'notifyMail.title': 'Notifications by mail',
  'notifyMail.intro':
    'For each kind of notification, choose whether it also reaches you by mail. “Mail at once” sends one with each notification; “In the morning digest” gathers them in one mail around 7:00 on working days. A mail never carries health information or a name: only a link to the screen behind sign-in.',
  'notifyMail.mailOff':
    'This system sends no mail (once an administrator sets mail up, your choices here apply).',
  'notifyMail.none':
    'This account has no notifications whose mail you can choose. Training results and certificates, with mail set up, each come as one mail as well.',
  'notifyMail.save': 'Save mail settings',
  'notifyMail.saved': 'Your notification mail settings are saved.',
} satisfies Record<keyof typeof jaMail, string>;
