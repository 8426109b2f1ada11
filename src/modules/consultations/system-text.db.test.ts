import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../db/migrate';
import { childCareItems, childConsents, consultationHandoffs, notifications } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';
import { makeChild } from '../../test/factories';
import { type ConsultationWorld, consultationWorld, intake } from './testing';

let t: TestApp;
let w: ConsultationWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
});
afterAll(async () => {
  await t.close();
});

describe('system-written text is stored as a code with parameters', () => {
  it('keeps the back-up after a hand-off with a coded reason, and notifies with coded messages', async () => {
    const c = await intake(w.users.fujisawa.client);
    const asked = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/handoffs`, {
      kind: 'handoff',
      to: { tier: 'centre' },
      reason: '医療機関との調整が必要',
      keepAsBackup: true,
    });
    expect(asked.status).toBe(201);
    const h = asked.body.handoffs.find((x: { kind: string }) => x.kind === 'handoff');
    const done = await w.users.centre.client.post(`/api/consultations/${c.id}/handoffs/${h.id}/accept`, {});
    expect(done.status).toBe(200);
    const backup = done.body.handoffs.find((x: { kind: string }) => x.kind === 'backup');
    // No sentence in either language is stored: the screen renders the code in the reader's language.
    expect(backup).toMatchObject({ reason: null, systemReason: { code: 'handoff_kept_as_backup' } });
    // The user's own words stay as they were typed.
    expect(done.body.handoffs.find((x: { kind: string }) => x.kind === 'handoff').reason).toBe(
      '医療機関との調整が必要',
    );
    const sent = await t.db.systemDb
      .select({ kind: notifications.kind, text: notifications.text, titleEn: notifications.titleEn })
      .from(notifications)
      .where(eq(notifications.entityId, c.id));
    expect(sent.length).toBeGreaterThan(0);
    for (const n of sent) {
      expect(n.text).toEqual({ code: n.kind });
      expect(n.titleEn).not.toBe('');
    }
    const inbox = await w.users.fujisawa.client.get('/api/notifications');
    const accepted = inbox.body.items.find(
      (n: { kind: string }) => n.kind === 'consultation_handoff_accepted',
    );
    expect(accepted.text).toEqual({ code: 'consultation_handoff_accepted' });
  });

  it('migration 0021 turns the sentences stored before into codes, and leaves people’s own words alone', async () => {
    const db = t.db.systemDb;
    const child = await makeChild(db, '14', '142051');
    const c = await intake(w.users.fujisawa.client);
    const team = (c as unknown as { ownerTeam: { id: string } }).ownerTeam.id;
    const [h] = await db
      .insert(consultationHandoffs)
      .values({
        consultationId: c.id,
        prefectureCode: '14',
        kind: 'backup',
        fromTeamId: team,
        toTeamId: team,
        status: 'accepted',
        reason: 'kept as back-up after hand-off',
        requestedAt: new Date(),
      })
      .returning({ id: consultationHandoffs.id });
    await db.insert(childCareItems).values([
      {
        childId: child.id,
        code: 'suction',
        watch: 'low',
        note: '登録申請 R-20261206-7Q2K による（家族等の申告）',
      },
      { childId: child.id, code: 'oxygen', watch: 'low', note: '夜間のみ' },
    ]);
    await db.insert(childConsents).values({
      childId: child.id,
      purpose: 'share_municipality',
      granted: true,
      decidedOn: '2026-12-06',
      method: 'online_form',
      note: '登録申請 R-20261206-7Q2K',
    });
    const [moved] = await db
      .insert(notifications)
      .values({
        prefectureCode: '14',
        recipientMunicipalityCode: '142034',
        kind: 'child_moved_in',
        titleJa:
          '医療的ケア児が藤沢市から転入しました（2026-12-06）。保護者の同意がないため記録は表示されません。',
        titleEn: 'A child with medical care needs moved in from 藤沢市 (2026-12-06). The record is withheld.',
        data: { fromMunicipalityCode: '142051', toMunicipalityCode: '142034', movedOn: '2026-12-06' },
      })
      .returning({ id: notifications.id });

    // The migration's data statements, run again over rows written the old way.
    const file = readFileSync(join(MIGRATIONS_FOLDER, '0021_system_text_codes.sql'), 'utf8');
    for (const statement of file.split('--> statement-breakpoint')) {
      if (/^\s*(--[^\n]*\n\s*)*UPDATE/.test(statement)) await db.execute(sql.raw(statement));
    }

    const [handoff] = await db.select().from(consultationHandoffs).where(eq(consultationHandoffs.id, h!.id));
    expect(handoff).toMatchObject({ reason: null, systemReason: { code: 'handoff_kept_as_backup' } });
    const items = await db.select().from(childCareItems).where(eq(childCareItems.childId, child.id));
    const byCode = Object.fromEntries(items.map((i) => [i.code, i]));
    expect(byCode.suction).toMatchObject({
      note: null,
      systemNote: { code: 'registration_care_reported', params: { receiptNo: 'R-20261206-7Q2K' } },
    });
    expect(byCode.oxygen).toMatchObject({ note: '夜間のみ', systemNote: null });
    const consents = await db.select().from(childConsents).where(eq(childConsents.childId, child.id));
    const consent = consents.find((x) => x.method === 'online_form');
    expect(consent).toMatchObject({
      note: null,
      systemNote: { code: 'registration_consent', params: { receiptNo: 'R-20261206-7Q2K' } },
    });
    const [n] = await db.select().from(notifications).where(eq(notifications.id, moved!.id));
    expect(n!.text).toEqual({
      code: 'child_moved_in_withheld',
      params: { from: '藤沢市', movedOn: '2026-12-06' },
    });
  });
});
