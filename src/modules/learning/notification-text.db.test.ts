/**
 * Learning notifications are stored as system-text codes with parameters (vocab/system-text.ts), so each reader
 * sees them in their own language; migration 0033 turns the sentences stored before into codes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../db/migrate';
import { notifications } from '../../db/schema';
import { renderSystemText } from '../../shared/vocab/system-text';
import { createTestApp, type TestApp } from '../../test/app';
import { type AttendanceWorld, addLearner, attendanceWorld, makeSessionWithDays } from './testing-attendance';

let t: TestApp;
let w: AttendanceWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await attendanceWorld(t);
});
afterAll(async () => {
  await t.close();
});

describe('selection results as codes', () => {
  it('tells each applicant by a code with the session’s title and the waiting place, in the reader’s language', async () => {
    const { session } = await makeSessionWithDays(t, { capacity: 1 });
    const first = await addLearner(t, session.id, '受講 一郎');
    const second = await addLearner(t, session.id, '受講 二郎');
    const run = await w.users.admin.post(`/api/learning/sessions/${session.id}/selection`, {
      selectionVersion: 0,
      seed: '00000000000000aa',
    });
    expect(run.status).toBe(200);
    expect(
      (await w.users.admin.post(`/api/learning/sessions/${session.id}/selection/announce`, { version: 1 }))
        .status,
    ).toBe(200);

    const texts = [];
    for (const who of [first, second]) {
      const inbox = await who.client.get('/api/notifications');
      expect(inbox.status).toBe(200);
      const told = inbox.body.items.filter((n: { kind: string }) => n.kind === 'learning_selection_result');
      expect(told).toHaveLength(1);
      texts.push(told[0].text);
    }
    expect(texts).toEqual(
      expect.arrayContaining([
        { code: 'learning_selection_selected', params: { session: '令和8年度 第1回' } },
        { code: 'learning_selection_waiting', params: { session: '令和8年度 第1回', waitRank: 1 } },
      ]),
    );
    const waiting = texts.find((x) => x.code === 'learning_selection_waiting');
    expect(renderSystemText(waiting, 'ja')).toBe('「令和8年度 第1回」は補欠1番です');
    expect(renderSystemText(waiting, 'en')).toBe('You are number 1 on the waiting list of “令和8年度 第1回”');

    // Staff cancelling the seat moves the waiting applicant up; both are told by code.
    const list = await w.users.admin.get(`/api/learning/sessions/${session.id}/applicants`);
    const seated = list.body.items.find((i: { status: string }) => i.status === 'selected');
    const cancelled = await w.users.admin.post(`/api/learning/applications/${seated.id}/cancel`, {
      reason: '勤務の都合',
      version: seated.version,
    });
    expect(cancelled.status).toBe(200);
    const rows = await t.db.systemDb
      .select({ text: notifications.text, titleJa: notifications.titleJa })
      .from(notifications)
      .where(eq(notifications.kind, 'learning_selection_result'));
    const codes = rows.map((r) => r.text?.code).sort();
    expect(codes).toEqual([
      'learning_application_cancelled',
      'learning_selection_selected',
      'learning_selection_selected',
      'learning_selection_waiting',
    ]);
    // The titles kept for older readers are the codes' Japanese rendering.
    for (const r of rows) expect(r.titleJa).toBe(renderSystemText(r.text!, 'ja'));
  });

  it('migration 0033 turns the sentences stored before into codes, with the session’s title and place', async () => {
    const db = t.db.systemDb;
    const { session } = await makeSessionWithDays(t, { title: '移行前の研修' });
    const learner = await addLearner(t, session.id, '受講 三郎');
    const old = (status: string, ja: string, en: string, waitRank: number | null = null) => ({
      prefectureCode: '14',
      recipientUserId: learner.userId,
      kind: 'learning_selection_result',
      titleJa: ja,
      titleEn: en,
      entityType: 'training_application',
      entityId: learner.applicationId,
      data: { sessionId: session.id, status, waitRank },
    });
    const inserted = await db
      .insert(notifications)
      .values([
        old('selected', '「第2回 研修」の受講が決まりました', 'You have a seat in “第2回 研修”'),
        old(
          'waiting',
          '「第2回 研修」は補欠3番です',
          'You are number 3 on the waiting list of “第2回 研修”',
          3,
        ),
        old('not_selected', '「第2回 研修」は選外となりました', 'You were not selected for “第2回 研修”'),
        old('cancelled', '「第2回 研修」の申し込みが取り消されました', 'Your application … was cancelled'),
        // A title that does not read as the old sentence: the session's title as it is now.
        old('selected', 'changed by hand', 'changed by hand'),
      ])
      .returning({ id: notifications.id });

    const file = readFileSync(join(MIGRATIONS_FOLDER, '0033_learning_certificates.sql'), 'utf8');
    for (const statement of file.split('--> statement-breakpoint')) {
      if (/^\s*(--[^\n]*\n\s*)*UPDATE/.test(statement)) await db.execute(sql.raw(statement));
    }

    const after = [];
    for (const n of inserted) {
      const [row] = await db.select().from(notifications).where(eq(notifications.id, n.id));
      after.push(row!.text);
    }
    expect(after).toEqual([
      { code: 'learning_selection_selected', params: { session: '第2回 研修' } },
      { code: 'learning_selection_waiting', params: { session: '第2回 研修', waitRank: 3 } },
      { code: 'learning_selection_not_selected', params: { session: '第2回 研修' } },
      { code: 'learning_application_cancelled', params: { session: '第2回 研修' } },
      { code: 'learning_selection_selected', params: { session: '令和8年度 第1回' } },
    ]);
    // The inbox answers them as codes (the API's schema accepts them).
    const inbox = await learner.client.get('/api/notifications');
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.filter((n: { text: unknown }) => n.text).length).toBeGreaterThanOrEqual(5);
  });
});
