import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHeading, expectNoAxeViolations, type Harness, signIn, startHarness } from './harness';

/**
 * Councils and meetings (docs/municipal-support.md §3) on the demo data: centre staff create a regional council
 * with a charter in Markdown (previewed, shown rendered; HTML written in it stays text) and a recurring schedule,
 * add members (term, affiliation, category), plan meetings from the schedule and one by hand, record attendance
 * (a line for someone who is no longer a member on the meeting date is refused with a Japanese message naming
 * them, and nothing is saved), minutes with public and non-public parts, a decision and an action item. Its
 * owner, 藤沢市's staff, sees it on their list until done and runs a personal calendar feed that answers 404 once
 * stopped; the public minutes page and API carry only the public part; the body's .ics downloads. axe on every
 * page; no request leaves the origin.
 */
let h: Harness;

const BODY = 'テスト圏域 医療的ケア児等支援協議会';
const MEETING = '第1回 テスト圏域協議会';
const PUBLIC_TEXT = '短期入所の空き状況を圏域で共有することを確認した。';
const PRIVATE_TEXT = '非公開：A児の家族から在宅酸素の相談があった件を確認した。';
const ITEM = '短期入所の受け入れ先を3か所に確認する';
const CHARTER = [
  '# 設置要綱',
  '第1条 この会は、圏域の医療的ケア児等の支援について協議する。',
  '- 委員は20人以内とする',
  '- 任期は2年とする',
  '<script>window.__charterRan = true</script>',
  '<img src=x onerror="window.__charterRan = true">',
].join('\n\n');

/** A day in Japan `days` from today, as YYYY-MM-DD. */
function japanDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** Fails the test if anything written in the charter ever runs. */
async function charterNeverRan(page: Page) {
  expect(await page.evaluate(() => (window as { __charterRan?: boolean }).__charterRan ?? false)).toBe(false);
}

beforeAll(async () => {
  h = await startHarness({ children: 10 });
});

afterAll(async () => {
  await h?.close();
});

describe('councils and meetings', () => {
  let bodyUrl = '';
  let meetingUrl = '';
  const owner = () => `デモ ${h.account('municipal_staff').label}`;
  const regionName = () => /（(.+)）/.exec(h.account('regional_coordinator').label)![1]!;

  it('centre staff create a regional council with its charter, members, meetings, minutes and an action item', async () => {
    const page = await h.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await signIn(page, h.account('centre_staff'));
    await page.getByRole('link', { name: '協議の場', exact: true }).first().click();
    await expectHeading(page, '協議の場');
    await expectNoAxeViolations(page, 'councils list');

    // The body: kind, owner (the demo region), schedule and a charter in Markdown, previewed as it is typed.
    await page.getByRole('link', { name: '会議体を作成' }).click();
    await expectHeading(page, '会議体を作成');
    await page.getByLabel('会議体の種類').selectOption('regional_council');
    await page.getByLabel(/^名称/).fill(BODY);
    await page.getByLabel('主催（階層）').selectOption({ label: `圏域：${regionName()}` });
    await page.getByLabel('いつもの会場').fill('藤沢市役所 本庁舎5階 会議室');
    await page.getByRole('combobox', { name: '定例の日程' }).selectOption('monthly_weekday');
    await page.getByLabel('何か月ごと').selectOption('2');
    await page.getByLabel(/^第何/).selectOption('2');
    await page.getByLabel(/^曜日/).selectOption('3');
    await page.getByLabel(/^開始時刻/).fill('14:00');
    await page.getByRole('textbox', { name: '設置要綱' }).fill(CHARTER);
    const preview = page.getByRole('region', { name: '表示の確認（プレビュー）' });
    await preview.getByRole('heading', { name: '設置要綱' }).waitFor();
    await preview.getByRole('listitem').filter({ hasText: '委員は20人以内とする' }).waitFor();
    await preview.getByText('<script>window.__charterRan = true</script>').waitFor();
    expect(await preview.locator('script, img, [onerror]').count()).toBe(0);
    await expectNoAxeViolations(page, 'new body form with the charter preview');
    await page.getByRole('button', { name: '作成する' }).click();

    await expectHeading(page, BODY);
    bodyUrl = page.url();
    const charter = page.getByRole('region', { name: '設置要綱' });
    await charter.getByRole('heading', { level: 3, name: '設置要綱' }).waitFor();
    await charter.getByRole('listitem').filter({ hasText: '任期は2年とする' }).waitFor();
    // HTML written in the charter is shown as text and never becomes markup.
    await charter.getByText('<img src=x onerror="window.__charterRan = true">').waitFor();
    expect(await page.locator('main script, main img, [onerror]').count()).toBe(0);
    await page.getByText('2か月ごと・第2水曜日 14:00から90分').waitFor();
    await expectNoAxeViolations(page, 'body page');

    // Members: 藤沢市's staff with their account, a family association's representative without one.
    const addMember = async (m: {
      name: string;
      user?: string;
      affiliation: string;
      category: string;
      termTo?: string;
    }) => {
      await page.getByRole('button', { name: '委員を追加' }).first().click();
      const form = page.locator('form').filter({ has: page.getByLabel('任期の始まり') });
      await form.getByLabel(/^氏名・名称/).fill(m.name);
      if (m.user) await form.getByLabel('つなぐの利用者（任意）').selectOption({ label: m.user });
      await form.getByLabel('所属（自由記述）').fill(m.affiliation);
      await form.getByLabel(/^区分/).selectOption(m.category);
      await form.getByLabel(/^任期の始まり/).fill('2025-04-01');
      if (m.termTo) await form.getByLabel('任期の終わり（任意）').fill(m.termTo);
      await form.getByRole('button', { name: '委員を追加' }).click();
      await page.getByRole('table', { name: '委員の一覧（任期中を先に）' }).getByText(m.name).waitFor();
    };
    await addMember({
      name: owner(),
      user: owner(),
      affiliation: '藤沢市 障害福祉課',
      category: 'government',
      termTo: '2027-03-31',
    });
    await expectNoAxeViolations(page, 'body page after adding a member');
    await addMember({ name: '家族会 代表', affiliation: '湘南 医ケア児家族会', category: 'family' });
    const members = page.getByRole('table', { name: '委員の一覧（任期中を先に）' });
    await members
      .getByRole('row')
      .filter({ hasText: '家族会 代表' })
      .getByText('家族', { exact: true })
      .waitFor();

    // The schedule plans its next two meetings; one more is planned by hand, yesterday, to be held.
    await page.getByRole('button', { name: '定例の日程で予定' }).first().click();
    await page.locator('form').getByRole('button', { name: '定例の日程で予定' }).click();
    await page.getByRole('status').filter({ hasText: '2回の会議を予定しました。' }).waitFor();
    await expect
      .poll(() => page.getByRole('table', { name: '会議の一覧（新しい順）' }).locator('tbody tr').count())
      .toBe(2);
    await page.getByRole('button', { name: '会議を予定' }).first().click();
    await page.getByLabel(/^会議名/).fill(MEETING);
    await page.getByLabel(/^開催日/).fill(japanDay(-1));
    await page.getByLabel(/^開始時刻/).fill('14:00');
    await page.getByLabel(/^終了時刻/).fill('16:00');
    await page.getByLabel('議題').fill('1. 短期入所の空き状況\n2. 災害時の電源確保');
    await page.locator('form').getByRole('button', { name: '会議を予定' }).click();
    await expectHeading(page, MEETING);
    meetingUrl = page.url();
    await expectNoAxeViolations(page, 'meeting page');

    // A material: a PDF with its title, listed with its file and a download link.
    await page.getByLabel(/^資料名/).fill('資料1 短期入所の空き状況');
    await page.getByLabel('ファイル', { exact: true }).setInputFiles({
      name: '資料1.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n'),
    });
    await page.getByRole('button', { name: '資料を追加' }).click();
    const materials = page.getByRole('table', { name: '会議資料' });
    await materials.getByRole('link', { name: '資料1 短期入所の空き状況' }).waitFor();
    expect(await materials.getByText('資料1.pdf', { exact: false }).count()).toBe(1);
    await expectNoAxeViolations(page, 'meeting page with a material');

    // Held. The attendance sheet is opened; meanwhile, in another tab, the family member's term is ended
    // before the meeting day. Their line is refused by name and nothing is saved.
    await page.getByRole('button', { name: '開催済みにする' }).click();
    await page.getByText('開催済み', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: '出欠を記録' }).first().click();
    const sheet = page.locator('form').filter({ hasText: '出欠を記録できるのは' });
    await sheet.getByLabel(/^デモ 市町村職員/).selectOption('present');
    await sheet.getByLabel(/^家族会 代表/).selectOption('present');

    const other = await page.context().newPage();
    await other.goto(bodyUrl);
    await expectHeading(other, BODY);
    const row = other.getByRole('row').filter({ hasText: '家族会 代表' });
    await row.getByRole('button', { name: '任期を終える' }).click();
    await row.getByLabel('任期の終わり').fill(japanDay(-3));
    await row.locator('form').getByRole('button', { name: '任期を終える' }).click();
    await other.getByRole('row').filter({ hasText: '家族会 代表' }).getByText('任期終了').waitFor();
    await other.close();

    await sheet.getByRole('button', { name: '出欠を記録' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '出欠を記録できるのは、この会議体の委員' });
    await alert.getByText('家族会 代表：開催日に任期中の委員ではありません', { exact: false }).waitFor();
    await alert.getByText('出欠は保存していません。').waitFor();
    await expectNoAxeViolations(page, 'attendance refused');
    const attendance = page.getByRole('table', { name: '出欠（開催日に任期中の委員）' });
    await attendance.getByRole('row').filter({ hasText: 'デモ 市町村職員' }).getByText('未記録').waitFor();
    expect(await attendance.getByText('家族会 代表').count()).toBe(0);
    // The sheet now lists the members as they are: saved for 藤沢市's staff alone.
    await expect.poll(() => sheet.getByLabel(/^家族会 代表/).count()).toBe(0);
    await sheet.getByRole('button', { name: '出欠を記録' }).click();
    await attendance.getByRole('row').filter({ hasText: 'デモ 市町村職員' }).getByText('出席').waitFor();

    // Minutes with a public and a non-public part, a decision, published.
    await page.getByRole('button', { name: '議事録を書く' }).click();
    await page.getByLabel('議事録（公開部分）').fill(PUBLIC_TEXT);
    await page.getByLabel('議事録（非公開部分）').fill(PRIVATE_TEXT);
    await page.getByRole('textbox', { name: '決定事項' }).fill('短期入所の空き情報を毎月共有する');
    await page.getByLabel('公開部分を公開サイトに載せる（開催済みの会議のみ）').check();
    await expectNoAxeViolations(page, 'minutes form');
    await page.locator('form').getByRole('button', { name: '保存する' }).click();
    await page.getByText('公開サイトに公開中', { exact: false }).waitFor();
    await page.getByRole('listitem').filter({ hasText: '短期入所の空き情報を毎月共有する' }).waitFor();

    // An action item for 藤沢市's staff (a member, listed first) with a due date.
    await page.getByRole('button', { name: '宿題を追加' }).click();
    await page.getByLabel(/^宿題の内容/).fill(ITEM);
    await page.getByLabel(/^担当/).selectOption({ label: `${owner()} （委員）` });
    await page.getByLabel(/^期限/).fill(japanDay(14));
    await page.locator('form').getByRole('button', { name: '宿題を追加' }).click();
    await page.getByRole('table', { name: '宿題の一覧（未完了・期限の近い順）' }).getByText(ITEM).waitFor();
    await expectNoAxeViolations(page, 'meeting page with minutes and an action item');

    // The body's meetings download as an .ics.
    await page.goto(bodyUrl);
    await expectHeading(page, BODY);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '予定を .ics で取り込む' }).click(),
    ]);
    const ics = (await readFile((await download.path())!, 'utf8')).replace(/\r\n /g, '');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(`SUMMARY:${MEETING}（${BODY}）`);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(ics).not.toContain(PRIVATE_TEXT);
    await charterNeverRan(page);
    expect(dialogs).toEqual([]);
    h.assertClean();
  }, 240_000);

  it('the owner sees the item until done and runs a personal calendar feed that stops', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('municipal_staff'));
    await page.getByRole('link', { name: '自分の宿題' }).first().click();
    await expectHeading(page, '自分の宿題');
    const open = page.getByRole('region', { name: '未完了', exact: true });
    const row = open.getByRole('row').filter({ hasText: ITEM });
    await row.waitFor();
    await row.getByText(BODY, { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'my action items');

    // The feed: issued once, fetched without signing in, 404 once stopped.
    await page.getByRole('button', { name: '配信アドレスを発行' }).click();
    const address = page.getByLabel(/^カレンダーに登録するアドレス/);
    await address.waitFor();
    const url = new URL(await address.inputValue());
    expect(url.pathname).toMatch(/^\/api\/public\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    await expectNoAxeViolations(page, 'calendar feed issued');
    const fetched = await fetch(`${h.baseUrl}${url.pathname}`);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toContain('text/calendar');
    const text = (await fetched.text()).replace(/\r\n /g, '');
    expect(text).toContain(`SUMMARY:${MEETING}（${BODY}）`);
    expect(text).toContain(`宿題の期限（${BODY}）`);
    expect(text).not.toContain(ITEM);
    expect(text).not.toContain(PRIVATE_TEXT);
    await page.getByRole('button', { name: '配信を停止' }).click();
    await page.getByText('配信していません。').waitFor();
    expect((await fetch(`${h.baseUrl}${url.pathname}`)).status).toBe(404);

    // Done: off the open list, on the done one.
    await row.getByRole('button', { name: '完了にする' }).click();
    await page
      .getByRole('region', { name: '完了した宿題' })
      .getByRole('row')
      .filter({ hasText: ITEM })
      .waitFor();
    await expect.poll(() => open.getByText(ITEM).count()).toBe(0);
    await expectNoAxeViolations(page, 'my action items after done');
    h.assertClean();
  }, 120_000);

  it('the public minutes show only the public part, on the page and in the API', async () => {
    const page = await h.newPage();
    await page.goto('/public/minutes?prefecture=14');
    await expectHeading(page, '協議の場の議事録');
    const article = page.getByRole('article', { name: new RegExp(MEETING) });
    await article.getByText(PUBLIC_TEXT).waitFor();
    await expectNoAxeViolations(page, 'public minutes');
    expect(await page.content()).not.toContain(PRIVATE_TEXT);
    expect(await page.content()).not.toContain('非公開：');
    const api = await fetch(`${h.baseUrl}/api/public/councils/minutes?prefecture=14`);
    expect(api.status).toBe(200);
    const json = await api.text();
    expect(json).toContain(PUBLIC_TEXT);
    expect(json).not.toContain(PRIVATE_TEXT);
    expect(json).not.toContain('短期入所の空き情報を毎月共有する');
    // The meeting page itself stays behind sign-in.
    await page.goto(meetingUrl);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.content()).not.toContain(PRIVATE_TEXT);
    h.assertClean();
  });
});
