import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { headerProblem, isMailAddress } from './headers';
import { classifySendError, MAX_MAIL_ATTEMPTS, retryDelayMs } from './send-rules';
import { parseFrom, parseMailSettings } from './settings';
import { renderMail } from './templates';

const ON = {
  SMTP_URL: 'smtp://relay.example.lg.jp:25',
  MAIL_FROM: 'no-reply@example.lg.jp',
  PUBLIC_URL: 'https://t.example.lg.jp/',
};

describe('mail settings', () => {
  it('is off with neither setting', () => {
    expect(parseMailSettings({})).toEqual({ ok: true, settings: undefined });
  });

  it('reads host, port, TLS, credentials from the URL or the separate settings, and the sender', () => {
    const r = parseMailSettings({
      ...ON,
      SMTP_URL: 'smtps://u%40x:p%3Aw@relay.example.lg.jp',
      MAIL_FROM: 'つなぐ <no-reply@example.lg.jp>',
    });
    expect(r).toMatchObject({
      ok: true,
      settings: {
        host: 'relay.example.lg.jp',
        port: 465,
        secure: true,
        user: 'u@x',
        password: 'p:w',
        from: { name: 'つなぐ', address: 'no-reply@example.lg.jp' },
        publicUrl: 'https://t.example.lg.jp',
      },
    });
    expect(parseMailSettings({ ...ON, SMTP_USER: 'u', SMTP_PASSWORD: 'p' })).toMatchObject({
      settings: { port: 25, secure: false, user: 'u', password: 'p' },
    });
  });

  it.each([
    [{ SMTP_URL: 'http://relay', MAIL_FROM: 'a@b.jp', PUBLIC_URL: 'https://x.jp' }, 'SMTP_URL'],
    [{ SMTP_URL: 'not a url', MAIL_FROM: 'a@b.jp', PUBLIC_URL: 'https://x.jp' }, 'SMTP_URL'],
    [{ SMTP_URL: 'smtp://relay', PUBLIC_URL: 'https://x.jp' }, 'MAIL_FROM'],
    [{ MAIL_FROM: 'a@b.jp', PUBLIC_URL: 'https://x.jp' }, 'SMTP_URL'],
    [{ SMTP_URL: 'smtp://relay', MAIL_FROM: 'no address', PUBLIC_URL: 'https://x.jp' }, 'MAIL_FROM'],
    [{ SMTP_URL: 'smtp://relay', MAIL_FROM: 'a@b.jp' }, 'PUBLIC_URL'],
    [{ SMTP_URL: 'smtp://u@relay', MAIL_FROM: 'a@b.jp', PUBLIC_URL: 'https://x.jp' }, 'SMTP_PASSWORD'],
    [{ SMTP_PASSWORD: 'p' }, 'SMTP_USER'],
  ])('refuses %j naming %s', (env, setting) => {
    const r = parseMailSettings(env);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.problems.join('\n')).toContain(setting);
  });

  it('stops the start with a readable message', () => {
    expect(() =>
      loadConfig({ SMTP_URL: 'ftp://relay', MAIL_FROM: 'a@b.jp', PUBLIC_URL: 'https://x.jp' }),
    ).toThrow(/設定に誤りがあります[\s\S]*SMTP_URL: ftp: is not smtp: or smtps:/);
  });

  it('refuses a line break in the sender name', () => {
    expect(parseFrom('Evil\r\nBcc: x@y.jp <a@b.jp>')).toBeNull();
  });
});

describe('headers', () => {
  it.each([
    ['佐藤 花子', null],
    ['x\r\nBcc: evil@example.com', 'line_break'],
    ['x\nSubject: y', 'line_break'],
    ['x\u0000', 'control_character'],
  ])('%j → %s', (value, problem) => expect(headerProblem(value)).toBe(problem));

  it('takes plain addresses only', () => {
    expect(isMailAddress('sato@example.jp')).toBe(true);
    for (const bad of ['', 'sato', 'a@b', 'a b@c.jp', 'a@b.jp\r\nBcc: c@d.jp', '<a@b.jp>'])
      expect(isMailAddress(bad)).toBe(false);
  });
});

describe('what a failed attempt means', () => {
  it('bounces a 5xx to the recipient or the message, retries everything else', () => {
    expect(
      classifySendError({ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 User unknown' }),
    ).toMatchObject({ kind: 'bounced' });
    expect(
      classifySendError({ code: 'EMESSAGE', responseCode: 554, response: '554 rejected' }),
    ).toMatchObject({ kind: 'bounced' });
    expect(classifySendError({ code: 'EENVELOPE', responseCode: 451, response: '451 later' })).toMatchObject({
      kind: 'retry',
      problem: 'relay_refused',
    });
    expect(
      classifySendError({ code: 'EAUTH', responseCode: 535, response: '535 bad credentials' }),
    ).toMatchObject({ kind: 'retry', problem: 'relay_refused' });
    expect(classifySendError({ code: 'ETIMEDOUT', message: 'Greeting never received' })).toMatchObject({
      kind: 'retry',
      problem: 'relay_unavailable',
    });
    expect(classifySendError(new Error('connect ECONNREFUSED'))).toMatchObject({
      kind: 'retry',
      problem: 'relay_unavailable',
    });
  });

  it('backs off exponentially, up to a cap, and gives up after the last attempt', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(MAX_MAIL_ATTEMPTS - 1)).toBeLessThanOrEqual(6 * 3_600_000);
    expect(retryDelayMs(MAX_MAIL_ATTEMPTS)).toBeNull();
  });
});

describe('templates', () => {
  it('write Japanese and English, with the link and no more than they are given', () => {
    for (const locale of ['ja', 'en'] as const) {
      const m = renderMail(
        { kind: 'notification', name: '佐藤', link: 'https://t.example.lg.jp/notifications' },
        locale,
      );
      expect(m.text).toContain('https://t.example.lg.jp/notifications');
      expect(headerProblem(m.subject)).toBeNull();
    }
    expect(renderMail({ kind: 'invitation', name: 'A', link: 'L', expiresDays: 7 }, 'en').text).toContain(
      '7 days',
    );
    expect(renderMail({ kind: 'invitation', name: 'A', link: 'L', expiresDays: 7 }, 'ja').text).toContain(
      '7日間',
    );
  });
});
