import { describe, expect, it } from 'vitest';
import {
  deliveriesOf,
  mailKindOfNotification,
  mailKindsForRole,
  NOTIFICATION_MAIL_KINDS,
} from '../../shared/vocab/notification-mail';
import { SYSTEM_TEXT_CODES } from '../../shared/vocab/system-text';
import { renderMail } from '../mail/templates';

/** The kinds of notification by mail (pure): which codes they cover, who receives them, the digest's text. */
describe('notification mail kinds', () => {
  it('groups every notification code the product writes', () => {
    const notified = SYSTEM_TEXT_CODES.filter(
      (c) => c.startsWith('consultation_') || c.startsWith('child_moved_in'),
    ).filter((c) => !c.startsWith('consultation_routed') && c !== 'consultation_escalated_unanswered');
    for (const code of notified) expect(mailKindOfNotification(code), code).not.toBeNull();
    expect(mailKindOfNotification('consultation_handoff_requested')).toBe('consultation_handoff');
    expect(mailKindOfNotification('consultation_escalated')).toBe('consultation_request');
    // Training results and certificates are mailed on their own (decision 0032): no second mail.
    expect(mailKindOfNotification('learning_selection_result')).toBeNull();
    expect(mailKindOfNotification('learning_certificate_issued')).toBeNull();
    expect(mailKindOfNotification('something_else')).toBeNull();
  });

  it('gives each role its kinds; reminders only in the digest', () => {
    expect(mailKindsForRole('auditor')).toEqual([]);
    expect(mailKindsForRole('system_admin')).toEqual([]);
    expect(mailKindsForRole('learner')).toEqual([]);
    expect(mailKindsForRole('provider_staff')).toEqual([]);
    expect(mailKindsForRole('municipal_staff')).toEqual([...NOTIFICATION_MAIL_KINDS]);
    expect(mailKindsForRole('centre_staff')).not.toContain('child_moved_in');
    expect(deliveriesOf('work_reminders')).toEqual(['off', 'digest']);
    expect(deliveriesOf('consultation_assigned')).toEqual(['off', 'immediate', 'digest']);
  });
});

describe('the digest mail', () => {
  const input = {
    kind: 'notification_digest' as const,
    name: '湘南 花子',
    link: 'https://tsunagu.example.lg.jp/',
    day: '令和8年12月8日',
    items: [
      {
        topic: 'consultation_assigned' as const,
        count: 2,
        link: 'https://tsunagu.example.lg.jp/notifications',
      },
      {
        topic: 'council_actions_overdue' as const,
        count: 1,
        link: 'https://tsunagu.example.lg.jp/councils/action-items',
      },
    ],
  };

  it('lists counts and links under their headings, in Japanese and English', () => {
    const ja = renderMail(input, 'ja');
    expect(ja.subject).toBe('【つなぐ】令和8年12月8日のまとめ');
    expect(ja.text).toContain(
      '■ 新しいお知らせ\n・相談の担当になったとき: 2件\n  https://tsunagu.example.lg.jp/notifications',
    );
    expect(ja.text).toContain('■ 期限の来た対応\n・期限を過ぎた協議の場の宿題: 1件');
    const en = renderMail({ ...input, day: '8 Dec 2026' }, 'en');
    expect(en.subject).toBe('[Tsunagu] Your digest for 8 Dec 2026');
    expect(en.text).toContain('・A consultation assigned to you: 2');
    expect(en.text).toContain('■ Work that is due');
  });

  it('leaves out a heading with nothing under it', () => {
    const ja = renderMail({ ...input, items: input.items.slice(1) }, 'ja');
    expect(ja.text).not.toContain('新しいお知らせ');
  });
});
