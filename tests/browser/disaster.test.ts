/**
 * Disaster readiness from consent to the access review (docs/disaster.md §1–2, §4–5), on both engines, each step by
 * the role that takes it on the real screens: the centre's staff record a ventilator-dependent child's guardian's
 * consent to disaster planning on the child's record and add the physician to the child's emergency contacts;
 * 藤沢市's staff find the child on their list and export it (.xlsx); the centre's administrator declares an outage
 * for 藤沢市 with 藤沢市's staff as responder; on the event's list the child ranks first, 藤沢市's staff record a
 * safety check and open a child without consent, only once they give a reason; the administrator ends the event and
 * the access review lists that opening; 茅ヶ崎市's staff get the not-found page (and a 404 from the API) for the
 * child's disaster page, 藤沢市's list, its outage list and the event. axe on the working pages; no request leaves
 * the origin. Lean on purpose: it runs twice in CI.
 *
 * The demo at journey sizes has no child in 藤沢市, so the two children are set up here as the registry holds them
 * (record, guardian, devices, the consent to share with the municipality) — without the disaster-planning consent,
 * which the journey records through the screen.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childDevices, childGuardians } from '../../src/db/schema';
import { makeChild, makeUser, TEST_PASSWORD } from '../../src/test/factories';
import { expectHeading, expectNoAxeViolations, type Harness, signIn, startHarness, textOf } from './harness';
import { api, CHIGASAKI, FUJISAWA } from './municipal-story-steps';

let h: Harness;
let consenting = '';
let withheld = '';
let municipal: Page;
let admin: Page;
let eventPath = '';

const CHILD = { familyName: '湊', givenName: '蒼空', familyKana: 'みなと', givenKana: 'そら' };
const OTHER = { familyName: '汐見', givenName: '凪', familyKana: 'しおみ', givenKana: 'なぎ' };
const PHYSICIAN = { organisation: '湘南こども医療センター', name: '岬 透', phone: '0466-77-8899' };
const EVENT = '台風第15号による藤沢市の停電';
const REASON = '人工呼吸器を使う子どもの安否を電話で確認するため（同意の記録がない）';

/** Now plus `hours` in Japan time, as a datetime-local value. */
const japanLocal = (hours: number) =>
  new Date(Date.now() + (hours + 9) * 3_600_000).toISOString().slice(0, 16);

beforeAll(async () => {
  h = await startHarness({ children: 10 });
  const db = h.db.systemDb;
  // A child on a home ventilator (2 h of battery) and one on an oxygen concentrator (6 h), both at home in 藤沢市.
  const a = await makeChild(db, '14', FUJISAWA, { ...CHILD, careScore: 32, address: '藤沢市鵠沼海岸2-3-4' });
  const b = await makeChild(db, '14', FUJISAWA, { ...OTHER, careScore: 10, address: '藤沢市辻堂元町5-6' });
  consenting = a.id;
  withheld = b.id;
  await db.insert(childDevices).values([
    { childId: a.id, kind: 'ventilator', needsMains: true, batteryHours: 2 },
    { childId: b.id, kind: 'oxygen_concentrator', needsMains: true, batteryHours: 6 },
  ]);
  await db.insert(childGuardians).values([
    {
      childId: a.id,
      familyName: '湊',
      givenName: '真由',
      relationship: '母',
      phone: '0466-11-2233',
      isPrimary: true,
    },
    {
      childId: b.id,
      familyName: '汐見',
      givenName: '亮',
      relationship: '父',
      phone: '0466-44-5566',
      isPrimary: true,
    },
  ]);
});

afterAll(async () => {
  await h?.close();
});

describe('a ventilator-dependent child from the guardian’s consent through a declared outage', () => {
  it('the centre’s staff record the guardian’s consent; 藤沢市’s staff list the child and export it', async () => {
    const centre = await h.newPage();
    await signIn(centre, h.account('centre_staff'));
    await centre.goto(`/children/${consenting}`);
    await expectHeading(centre, `${CHILD.familyName} ${CHILD.givenName}`);
    await centre.getByRole('button', { name: '同意を記録' }).click();
    const form = centre.getByRole('region', { name: '同意を記録' });
    await form.locator('[data-field="purpose"]').selectOption('disaster_planning');
    await form.locator('[data-field="method"]').selectOption('paper');
    await form.getByRole('button', { name: '保存' }).click();
    await centre.getByRole('status').filter({ hasText: '同意を記録しました。' }).waitFor();
    await expect
      .poll(
        textOf(
          centre
            .getByRole('table', { name: '目的ごとの現在の同意' })
            .getByRole('row')
            .filter({ hasText: '災害時の支援（個別避難計画）' }),
        ),
      )
      .toContain('同意あり');
    // The child's disaster page from the record: the physician added as an emergency contact.
    await centre.getByRole('link', { name: '災害への備え・緊急時シート' }).click();
    await expectHeading(centre, `${CHILD.familyName} ${CHILD.givenName} — 災害への備え`);
    // Nothing recorded yet: both forms are a first entry, open under their actions.
    const profile = centre.getByRole('region', { name: '電源と避難の備え' });
    await expect.poll(() => profile.getByTestId('dis-profile-fold').getAttribute('open')).not.toBeNull();
    const sheet = centre.getByRole('region', { name: '緊急時シート' });
    await expect.poll(() => sheet.getByTestId('dis-sheet-fold').getAttribute('open')).not.toBeNull();
    await profile.getByRole('button', { name: '連絡先を追加' }).click();
    const contact = profile.getByRole('group', { name: '緊急連絡先' });
    await contact.getByLabel('所属・機関').fill(PHYSICIAN.organisation);
    await contact.getByLabel('氏名').fill(PHYSICIAN.name);
    await contact.getByLabel('電話番号').fill(PHYSICIAN.phone);
    await profile.getByRole('button', { name: '保存する' }).click();
    await profile.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();

    municipal = await h.newPage();
    await signIn(municipal, h.account('municipal_staff'));
    // The child's page now leads with its summary; the profile's form is folded under its action (it holds data),
    // the family's confirmation of the sheet stays in view.
    await municipal.goto(`/children/${consenting}/disaster`);
    await expectHeading(municipal, `${CHILD.familyName} ${CHILD.givenName} — 災害への備え`);
    const folded = municipal.getByRole('region', { name: '電源と避難の備え' });
    await expect.poll(() => folded.getByTestId('dis-profile-fold').getAttribute('open')).toBeNull();
    await municipal.getByRole('region', { name: '家族による確認' }).waitFor();
    const tall = () => municipal.evaluate(() => document.documentElement.scrollHeight);
    const height = { asOpened: await tall(), sheetFolded: 0 };
    await municipal.getByTestId('dis-sheet-fold').locator('summary').click();
    height.sheetFolded = await tall();
    console.info(`disaster page height at 1280 px: ${JSON.stringify(height)}`);
    await expectNoAxeViolations(municipal, 'the child’s disaster page, its forms folded');
    await folded.locator('summary').filter({ hasText: '電源と避難の備えを編集する' }).click();
    const opened = folded.getByRole('group', { name: '緊急連絡先' }).getByLabel('所属・機関');
    await expect.poll(() => opened.inputValue()).toBe(PHYSICIAN.organisation);
    await municipal
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '災害への備え' })
      .click();
    await expectHeading(municipal, '災害時の支援リスト');
    const list = municipal.getByRole('table', { name: '藤沢市の災害時の支援リスト' });
    await list.getByRole('link', { name: `${CHILD.familyName} ${CHILD.givenName}` }).waitFor();
    const contacts = await textOf(list.locator('tbody tr').filter({ hasText: CHILD.familyName }))();
    expect(contacts).toContain('母: 湊 真由 0466-11-2233');
    expect(contacts).toContain(`主治医: ${PHYSICIAN.organisation} ${PHYSICIAN.name} ${PHYSICIAN.phone}`);
    expect(await textOf(list)()).not.toContain(OTHER.familyName);
    await expectNoAxeViolations(municipal, 'the municipality’s list');
    const [download] = await Promise.all([
      municipal.waitForEvent('download'),
      municipal.getByRole('link', { name: '名簿の項目順でExcel（.xlsx）に出力' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^disaster-list-${FUJISAWA}-.*\\.xlsx$`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    const rows: string[] = [];
    wb.worksheets[0]!.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((c) => {
        cells.push(c.text);
      });
      rows.push(cells.join('\t'));
    });
    const row = rows.find((r) => r.startsWith(`${CHILD.familyName} ${CHILD.givenName}`));
    expect(row, rows.join('\n')).toBeDefined();
    expect(row).toContain('藤沢市鵠沼海岸2-3-4');
    expect(row).toContain('人工呼吸器');
    expect(row).toContain(PHYSICIAN.phone);
    expect(rows.join('\n')).not.toContain(OTHER.familyName);
    h.assertClean();
  }, 120_000);

  it('the centre’s administrator declares an outage for 藤沢市 with 藤沢市’s staff as responder', async () => {
    admin = await h.newPage();
    await signIn(admin, h.account('centre_admin'));
    await admin.goto('/disaster-events');
    await expectHeading(admin, '停電・災害対応');
    const declare = admin.getByRole('region', { name: '災害対応を発令する' });
    await declare.getByLabel('名称').fill(EVENT);
    await declare
      .getByLabel('発令の理由')
      .fill(
        '台風の通過で藤沢市の広い範囲が停電し、復旧の見込みが立たない。医療機器を使う子どもの安否確認を急ぐ。',
      );
    await declare.getByRole('checkbox', { name: '藤沢市', exact: true }).check();
    await declare.getByLabel('終了日時').fill(japanLocal(24));
    await declare.getByRole('checkbox', { name: /^デモ 市町村職員/ }).check();
    await expectNoAxeViolations(admin, 'the declaration form');
    await declare.getByRole('button', { name: '発令する' }).click();
    await expectHeading(admin, EVENT);
    eventPath = new URL(admin.url()).pathname;
    expect(eventPath).toMatch(/^\/disaster-events\/[0-9a-f-]{36}$/);
    await expect.poll(textOf(admin.locator('#main dl'))).toContain('発令中');
    h.assertClean();
  }, 120_000);

  it('on the event’s list the child ranks first: a safety check, and a child without consent opened with a reason', async () => {
    await municipal.goto('/disaster-events');
    await expectHeading(municipal, '停電・災害対応');
    await municipal.getByRole('link', { name: EVENT }).click();
    await expectHeading(municipal, EVENT);
    const table = municipal.getByRole('table', { name: /時点の順位/ });
    const first = table.locator('tbody tr').first();
    await expect.poll(textOf(first)).toContain(`${CHILD.familyName} ${CHILD.givenName}`);
    expect(await textOf(first.locator('td').first())()).toBe('1');
    expect(await textOf(first)()).toContain('保護者: 湊 真由 0466-11-2233');
    expect(await textOf(first)()).toContain(`主治医: ${PHYSICIAN.name} ${PHYSICIAN.phone}`);

    await first.getByRole('button', { name: '安否確認を記録' }).click();
    await first.getByLabel('結果').selectOption('needs_help');
    await first.getByLabel('必要な支援').fill('外部バッテリーの充電場所');
    await first.getByRole('button', { name: '記録する' }).click();
    // The form closes and the row shows the check (the form's own options also read 支援が必要).
    await expect.poll(textOf(first)).toContain('外部バッテリーの充電場所');
    expect(await textOf(first)()).toMatch(/支援が必要（.+、デモ 市町村職員/);

    // The child without consent is an unnamed row; it opens only once a reason is given.
    const unnamed = table.locator('tbody tr').filter({ hasText: '同意なし（氏名は非表示）' });
    await expect.poll(() => unnamed.count()).toBe(1);
    expect(await textOf(unnamed)()).not.toContain(OTHER.familyName);
    await unnamed.getByRole('button', { name: '理由を記録して開く' }).click();
    await unnamed.getByRole('button', { name: '開く', exact: true }).click();
    await unnamed.getByRole('alert').waitFor();
    expect(await textOf(unnamed)()).not.toContain(OTHER.familyName);
    await expectNoAxeViolations(municipal, 'the event’s list, a reason missing');
    await unnamed.getByLabel('理由').fill(REASON);
    await unnamed.getByRole('button', { name: '開く', exact: true }).click();
    const opened = table.locator('tbody tr').filter({ hasText: '理由を記録して開いた記録' });
    await expect.poll(textOf(opened)).toContain(`${OTHER.familyName} ${OTHER.givenName}`);
    expect(await textOf(opened)()).toContain('父: 汐見 亮 0466-44-5566');
    // Once, with the relationship: not again as a plain guardian line.
    expect(await textOf(opened)()).not.toContain('保護者: 汐見 亮');
    h.assertClean();
  }, 120_000);

  it('the administrator ends the event; the access review lists the opening', async () => {
    await admin.reload();
    await expectHeading(admin, EVENT);
    await admin.getByRole('button', { name: '災害対応を終了する' }).click();
    await expect.poll(textOf(admin.locator('#main dl'))).toContain('終了');
    const review = admin.getByRole('table', { name: '同意によらない閲覧' });
    const opening = review.locator('tbody tr').filter({ hasText: `${OTHER.familyName} ${OTHER.givenName}` });
    await expect.poll(textOf(opening)).toContain(REASON);
    expect(await textOf(opening)()).toContain('デモ 市町村職員');
    expect(await review.locator('tbody tr').count()).toBe(1);
    await admin.getByRole('button', { name: '確認して承認する' }).waitFor();
    await expectNoAxeViolations(admin, 'the ended event and its access review');
    h.assertClean();
  }, 120_000);

  it('茅ヶ崎市’s staff get not-found for the child, 藤沢市’s list and outage list, and the event', async () => {
    const other = await makeUser(h.db.systemDb, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: CHIGASAKI,
    });
    const page = await h.newPage();
    await signIn(page, { role: 'municipal_staff', label: '', email: other.email, password: TEST_PASSWORD });
    const since = encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString());
    const eventId = eventPath.split('/').pop()!;
    for (const path of [
      `/api/disaster/children/${consenting}`,
      `/api/disaster/list?municipality=${FUJISAWA}`,
      `/api/disaster-events/outage?municipalities=${FUJISAWA}&since=${since}`,
      `/api/disaster-events/events/${eventId}`,
    ]) {
      expect((await page.request.get(path)).status(), path).toBe(404);
    }
    const open = await api(page, 'POST', `/api/disaster-events/events/${eventId}/openings`, {
      childId: withheld,
      reason: REASON,
    });
    expect(open.status).toBe(404);
    for (const path of [
      `/children/${consenting}/disaster`,
      `/disaster?municipality=${FUJISAWA}`,
      `/disaster-events/outage?municipalities=${FUJISAWA}&since=${since}`,
      eventPath,
    ]) {
      await page.goto(path);
      await expectHeading(page, 'ページが見つかりません');
    }
    await expectNoAxeViolations(page, 'not found (other municipality)');
    h.assertClean();
  }, 120_000);
});
