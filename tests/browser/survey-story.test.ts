/**
 * The parent-survey story (docs/knowledge.md §5), on both engines. Mail is on, through a real SMTP server. The
 * centre's staff build a parent survey (a condition, the closing day in 和暦), publish it and paste three parents
 * from Excel; each personal link is mailed. Two parents answer on a 360 px phone through their mailed links; the
 * reminder mails a fresh link to the third and to no one else; the results by region show both regions and export
 * as .xlsx (read back with exceljs). An anonymous survey's answer, sent the same way, cannot be traced: its results
 * page and export name no one and carry no time, and the administrator's audit log holds no entry for it while it
 * holds one for each named answer. Lean on purpose: it runs twice in CI.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatWareki } from '../../src/shared/wareki';
import { expectHeading, expectNoAxeViolations, type Harness, signIn, startHarness, textOf } from './harness';
import { pageApi } from './learning-story-steps';
import { type JourneyMail, startJourneyMail } from './mail-steps';
import { answerOnPhone, downloadXlsx, linkPathIn } from './survey-story-steps';

let h: Harness;
let mail: JourneyMail;
/** The centre's staff, signed in once for the whole story. */
let staff: Page;

beforeAll(async () => {
  mail = await startJourneyMail();
  h = await startHarness({ children: 5, mail: mail.settings });
});

afterAll(async () => {
  await h?.close();
  await mail?.close();
});

const TITLE = '短期入所の利用についての保護者アンケート';
const HANAKO = { name: '山田 花子', email: 'hanako@parents.example.jp', municipality: '藤沢市' };
const ICHIRO = { name: '佐藤 一郎', email: 'ichiro@parents.example.jp', municipality: '平塚市' };
const SABURO = { name: '鈴木 三郎', email: 'saburo@parents.example.jp', municipality: '茅ヶ崎市' };
const PARENTS = [HANAKO, ICHIRO, SABURO];
const NEED = '夜間に預けられる施設が近くにありません。';
/** Answers close on 31 March of next year, typed in 和暦 (e.g. 令和9年3月31日). */
const CLOSING = formatWareki(`${new Date().getFullYear() + 1}-03-31`);

describe('a parent survey from the centre to the phones and back', () => {
  it('is mailed by personal links, answered on phones, reminded to the one who did not answer, and exported by region', async () => {
    staff = await h.newPage();
    await signIn(staff, h.account('centre_staff'));
    await staff.getByRole('link', { name: 'アンケート', exact: true }).first().click();
    await expectHeading(staff, 'アンケート');

    // The builder: a required choice, and a free-text question shown only after one answer.
    await staff.getByRole('link', { name: '新規作成' }).click();
    await expectHeading(staff, 'アンケートを作成');
    await staff.getByLabel(/^題名/).fill(TITLE);
    await staff.getByLabel('締切日').fill(CLOSING);
    await staff.getByRole('button', { name: '質問を追加' }).click();
    const q1 = staff.getByRole('group', { name: '質問1' });
    await q1.getByLabel(/^質問文/).fill('短期入所を利用できていますか');
    await q1.getByLabel('選択肢（1行に1つ）').fill('利用できている\n利用できていない');
    await q1.getByLabel('回答を必須にする').check();
    await staff.getByLabel('追加する質問の種類').selectOption('long_text');
    await staff.getByRole('button', { name: '質問を追加' }).click();
    const q2 = staff.getByRole('group', { name: '質問2' });
    await q2.getByLabel(/^質問文/).fill('困っていることを教えてください');
    await q2.getByLabel('表示する条件').selectOption('q1');
    await q2.getByLabel('利用できていない').check();
    await staff.getByText('質問 2問（必須 1問・条件付き 1問）').waitFor();
    await expectNoAxeViolations(staff, 'survey builder');
    await staff.getByRole('button', { name: '作成する' }).click();
    await expectHeading(staff, TITLE);
    await staff.getByText('作成中').first().waitFor();

    await staff.getByRole('button', { name: '公開する' }).click();
    await staff.getByRole('dialog').getByRole('button', { name: '公開する' }).click();
    await staff.getByText('回答の受付を始めました。').waitFor();

    // Three parents pasted from Excel (a header row, then name, e-mail, municipality): links issued and mailed.
    await staff.getByRole('button', { name: '送付先を追加' }).click();
    await staff
      .getByLabel('送付先（1行に1人）')
      .fill(
        [
          '氏名\tメールアドレス\t市町村',
          ...PARENTS.map((p) => `${p.name}\t${p.email}\t${p.municipality}`),
        ].join('\n'),
      );
    await staff.getByText('3人を読み取りました。').waitFor();
    await staff.getByRole('button', { name: 'リンクを発行' }).click();
    const issued = staff.getByRole('table', { name: '発行したリンク' });
    await expect.poll(() => issued.locator('tbody tr').count()).toBe(3);
    await staff.getByText('3件はメールでも送ります', { exact: false }).waitFor();
    expect(await issued.locator('tbody tr').filter({ hasText: '送信待ち' }).count()).toBe(3);
    await staff.getByText('送付 3件（回答済み 0件・未回答 3件）').waitFor();
    await expectNoAxeViolations(staff, 'survey page with the links mailed');

    const first = await mail.deliver(h);
    expect(first.map((m) => m.to.join()).sort()).toEqual(PARENTS.map((p) => p.email).sort());
    const mailTo = (p: (typeof PARENTS)[number], from = first) => from.find((m) => m.to[0] === p.email)!;
    for (const p of PARENTS) {
      const m = mailTo(p);
      expect(m.subject).toBe('【つなぐ】アンケートへのご協力のお願い');
      expect(m.text).toContain(`${p.name} 様`);
      expect(m.text).toContain(`「${TITLE}」`);
      expect(m.text).toContain(`回答の締切: ${CLOSING}`);
      // The mail carries the very link the screen showed for this parent.
      const row = issued.locator('tbody tr').filter({ hasText: p.name });
      expect(await textOf(row)()).toContain(`${h.baseUrl}${linkPathIn(m)}`);
    }

    // Two parents answer on their phones through the mailed links; 鈴木 does not.
    const named = 'この回答は、ご案内をお送りした方からの回答としてセンターに届きます。';
    await answerOnPhone(h, linkPathIn(mailTo(HANAKO)), TITLE, named, (phone) =>
      phone.getByRole('radio', { name: '利用できている' }).check(),
    );
    await answerOnPhone(h, linkPathIn(mailTo(ICHIRO)), TITLE, named, async (phone) => {
      await phone.getByRole('radio', { name: '利用できていない' }).check();
      await phone.getByRole('textbox', { name: /困っていることを教えてください/ }).fill(NEED);
    });

    // The reminder: a fresh link for the one who has not answered, mailed to him alone.
    await staff.reload();
    await expectHeading(staff, TITLE);
    await staff.getByText('送付 3件（回答済み 2件・未回答 1件）').waitFor();
    await staff.getByRole('button', { name: '未回答者にリマインド' }).click();
    await staff.getByText('まだ回答していない1人に新しいリンクを発行します。', { exact: false }).waitFor();
    await staff.getByRole('button', { name: 'リマインドのリンクを発行' }).click();
    await expect.poll(() => issued.locator('tbody tr').count()).toBe(1);
    expect(await textOf(issued.locator('tbody tr'))()).toContain(SABURO.name);
    const reminded = await mail.deliver(h);
    expect(reminded.map((m) => m.to)).toEqual([[SABURO.email]]);
    expect(reminded[0]!.subject).toBe('【つなぐ】（再送）アンケートへのご協力のお願い');
    expect(reminded[0]!.text).toContain('以前のリンクは使えなくなりました');
    expect(linkPathIn(reminded[0]!)).not.toBe(linkPathIn(mailTo(SABURO)));
    const sentTo = staff.getByRole('table', { name: '個別リンクの送付先と回答状況' });
    await expect
      .poll(textOf(sentTo.locator('tbody tr').filter({ hasText: SABURO.name })))
      .toMatch(/未回答\s*2回$/);
    await expect
      .poll(textOf(sentTo.locator('tbody tr').filter({ hasText: HANAKO.name })))
      .toMatch(/回答済み\s*1回$/);

    // The results by region, and the same as an .xlsx file.
    await staff.getByRole('link', { name: '集計を見る' }).click();
    await expectHeading(staff, `集計：${TITLE}`);
    const total = staff.getByRole('status').filter({ hasText: /^回答 \d+件/ });
    await expect.poll(textOf(total)).toBe('回答 2件（公開リンク 0・個別リンク 2）');
    const byRegion = staff.getByRole('table', { name: '圏域別の回答数', exact: true });
    await expect.poll(textOf(byRegion.locator('tbody tr').filter({ hasText: '湘南東部' }))).toMatch(/1件$/);
    await expect.poll(textOf(byRegion.locator('tbody tr').filter({ hasText: '湘南西部' }))).toMatch(/1件$/);
    await staff.getByText(NEED).waitFor();
    await expectNoAxeViolations(staff, 'survey results');
    const book = await downloadXlsx(staff, '回答をExcel（.xlsx）で出力');
    expect(book.get('圏域別集計')?.[0]).toEqual(['圏域', '回答数']);
    expect(book.get('圏域別集計')).toContainEqual(['湘南東部', '1']);
    expect(book.get('圏域別集計')).toContainEqual(['湘南西部', '1']);
    // A named survey's answers say whose link was used.
    const answers = book.get('回答一覧')!;
    const who = answers[0]!.indexOf('回答者');
    expect(who).toBeGreaterThan(0);
    expect(
      answers
        .slice(1)
        .map((r) => r[who])
        .sort(),
    ).toEqual([ICHIRO.name, HANAKO.name].sort());
    h.assertClean();
  }, 240_000);

  it('keeps an anonymous answer untraceable: its results, its export and the audit log name no one', async () => {
    // The same centre sends an anonymous survey to one parent (set up through the API, as its screens do).
    const api = pageApi(staff);
    const anon = await api<{ id: string }>('POST', '/api/surveys', {
      title: '相談窓口の満足度アンケート（無記名）',
      description: '',
      audience: 'parents',
      anonymous: true,
      openLink: false,
      closesAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      definition: {
        questions: [
          {
            id: 'satisfied',
            type: 'single',
            title: '相談窓口に満足していますか',
            required: true,
            choices: [
              { value: 'yes', label: '満足' },
              { value: 'no', label: '不満' },
            ],
          },
        ],
      },
    });
    await api('POST', `/api/surveys/${anon.id}/status`, { version: 1, status: 'open' });
    const PARENT = { name: '高橋 和子', email: 'kazuko@parents.example.jp' };
    const sent = await api<{ mailed: number }>('POST', `/api/surveys/${anon.id}/invitations`, {
      recipients: [{ ...PARENT, municipalityCode: '142051' }],
    });
    expect(sent.mailed).toBe(1);
    const [invite] = await mail.deliver(h);
    expect(invite!.to).toEqual([PARENT.email]);
    expect(invite!.text).toContain('このアンケートは無記名です。');
    const thanks = await answerOnPhone(
      h,
      linkPathIn(invite!),
      '相談窓口の満足度アンケート（無記名）',
      'このアンケートは無記名です。',
      (phone) => phone.getByRole('radio', { name: '不満' }).check(),
    );
    expect(thanks).toContain('回答は無記名で保存しました。');

    // The results page: the answer is counted by its region, and no one is named.
    await staff.goto(`/surveys/${anon.id}/results`);
    await expectHeading(staff, '集計：相談窓口の満足度アンケート（無記名）');
    await staff.getByText('無記名のアンケートです。回答者はどこにも表示・出力されません。').waitFor();
    await expect
      .poll(textOf(staff.getByRole('status').filter({ hasText: /^回答 \d+件/ })))
      .toBe('回答 1件（公開リンク 0・個別リンク 1）');
    // Even one answer at a time: the answer and its day, no respondent.
    await staff.getByRole('button', { name: '回答を1件ずつ表示する' }).click();
    await staff.getByText('1件目／全1件').waitFor();
    const one = staff.getByRole('region', { name: '回答を1件ずつ見る' });
    await one.getByText('不満', { exact: true }).waitFor();
    expect(await one.getByText('回答者（リンクの宛名）').count()).toBe(0);
    const page = (await staff.locator('main').textContent()) ?? '';
    for (const trace of [PARENT.name, PARENT.email]) expect(page).not.toContain(trace);

    // The export: no respondent and no time column, only the day, the place and the answer.
    const book = await downloadXlsx(staff, '回答をExcel（.xlsx）で出力');
    const [head, row, ...more] = book.get('回答一覧')!;
    expect(head).toEqual(['番号', '回答日', '経路', '圏域', '市町村', '相談窓口に満足していますか']);
    expect(more).toEqual([]);
    expect(row!.slice(2)).toEqual(['個別リンク', '湘南東部', '藤沢市', '不満']);
    const cells = [...book.values()].flat(2).join('\n');
    for (const trace of [PARENT.name, PARENT.email]) expect(cells).not.toContain(trace);

    // The administrator's audit log: an entry for each named answer of the first survey, none for this one.
    const admin = await h.newPage();
    await signIn(admin, h.account('centre_admin'));
    await admin.goto('/audit');
    await expectHeading(admin, '監査ログ');
    await admin.getByRole('combobox', { name: '対象の種類' }).selectOption({ label: 'アンケートの回答' });
    await admin.getByRole('button', { name: '検索', exact: true }).click();
    const log = admin.getByRole('table', { name: '監査ログ' });
    await expect.poll(() => log.locator('tbody tr').count()).toBe(2);
    const entries = await textOf(log)();
    for (const trace of [PARENT.name, PARENT.email]) expect(entries).not.toContain(trace);
    h.assertClean();
  }, 180_000);
});
