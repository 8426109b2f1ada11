/**
 * The library journey (docs/knowledge.md §2), on both engines: the centre's staff publish a school-entry guide as
 * a public item with a file; 藤沢市's coordinator hands it to a family from a consultation in one click (the
 * timeline records 「書類の送付」) and opens the printable sheet (public address and QR code); the family, on a
 * phone and not signed in, opens the printed address and gets the file. Then the demo's explainer video: the centre
 * adds an English caption track beside the Japanese one, and the family's player offers both, Japanese by default.
 * Axe on each page. Lean on purpose: it runs twice in CI.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultations, consultationTeams, libraryItems, users } from '../../src/db/schema';
import { demoPdf } from '../../src/demo/library';
import { DEMO_VIDEO_TITLE } from '../../src/demo/library-video';
import {
  expectHeading,
  expectNoAxeViolations,
  type Harness,
  signIn,
  startHarness,
  waitForPage,
} from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ children: 5 });
});

afterAll(async () => {
  await h?.close();
});

const TITLE = '就学相談の進め方（年長の春から）';

describe('the library', () => {
  it('the centre publishes a school-entry guide, a coordinator hands it out and the family opens it from the printed address', async () => {
    // The centre's staff: the list (the demo's stale item flagged), then a new public item and its file.
    const centre = await h.newPage();
    await signIn(centre, h.account('centre_staff'));
    await centre.goto('/library');
    await expectHeading(centre, '資料ライブラリ');
    const list = centre.getByRole('table');
    await list.getByText('短期入所を使うまでの流れ（初めての方へ）').waitFor();
    expect(await list.getByText('要確認').count()).toBeGreaterThanOrEqual(1);
    await expectNoAxeViolations(centre, 'the library list');
    await centre.getByRole('link', { name: '資料を登録' }).click();
    await expectHeading(centre, '資料の登録');
    await centre.getByLabel('題名').fill(TITLE);
    await centre.getByRole('checkbox', { name: '就学' }).check();
    await centre.getByRole('checkbox', { name: 'ご家族' }).check();
    await centre.getByLabel('公開範囲').selectOption('public');
    await centre.getByLabel('説明').fill('就学相談の申し込みから就学先の決定までの流れです。');
    await centre.getByRole('button', { name: '保存' }).click();
    await expectHeading(centre, TITLE);
    await centre.getByRole('button', { name: '新しい版を登録' }).click();
    await centre.getByLabel('ファイル', { exact: true }).setInputFiles({
      name: 'school-entry.pdf',
      mimeType: 'application/pdf',
      buffer: demoPdf(['School entry: from the spring before (browser test)']),
    });
    await centre.getByRole('button', { name: '保存' }).click();
    await centre.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();
    await centre.getByRole('link', { name: 'ファイルを開く' }).waitFor();
    await expectNoAxeViolations(centre, 'the item with its first version');

    // 藤沢市's coordinator hands it to the family from an open consultation of their team, in one click.
    const coordinator = h.account('municipal_staff');
    const [me] = await h.db.systemDb
      .select({ code: users.scopeMunicipalityCode })
      .from(users)
      .where(eq(users.email, coordinator.email));
    const [open] = await h.db.systemDb
      .select({ id: consultations.id })
      .from(consultations)
      .innerJoin(consultationTeams, eq(consultationTeams.id, consultations.ownerTeamId))
      .where(
        and(
          eq(consultationTeams.tier, 'municipality'),
          eq(consultationTeams.municipalityCode, me!.code!),
          isNull(consultations.closedAt),
        ),
      )
      .orderBy(asc(consultations.openedAt))
      .limit(1);
    expect(open, 'the demo municipality has an open consultation').toBeTruthy();
    const page = await h.newPage();
    await signIn(page, coordinator);
    await page.goto(`/consultations/${open!.id}`);
    await waitForPage(page);
    const panel = page.getByRole('region', { name: '資料を渡す' });
    await panel.getByLabel('資料を探す').fill('就学相談');
    await panel.getByRole('button', { name: `家族に渡す：${TITLE}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `「${TITLE}」を渡しました（対応記録に追加）。` })
      .waitFor();
    const timeline = page.getByRole('region', { name: '対応の記録' });
    await timeline.getByText(TITLE).waitFor();
    expect((await timeline.textContent()) ?? '').toContain('書類の送付');
    await expectNoAxeViolations(page, 'the consultation after the hand-out');

    // The printable sheet for the family: the public address and its QR code.
    await panel.getByRole('link', { name: '家族向けの案内を印刷' }).first().click();
    await expectHeading(page, '資料のご案内');
    const address = ((await page.getByTestId('public-address').textContent()) ?? '').trim();
    expect(address).toMatch(new RegExp(`^${h.baseUrl}/public/library/[0-9a-f-]{36}$`));
    await page.getByRole('img', { name: `QRコード: ${address}` }).waitFor();
    await expectNoAxeViolations(page, 'the printable sheet');

    // The family, on a phone and not signed in, types the printed address and gets the file.
    const family = await h.newPage({ viewport: { width: 390, height: 844 } });
    await family.goto(address);
    await waitForPage(family);
    await expectHeading(family, TITLE);
    const file = family.getByRole('link', { name: /^資料を開く：school-entry\.pdf/ });
    const href = await file.getAttribute('href');
    const answer = await family.request.get(href!);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toBe('application/pdf');
    expect((await answer.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expectNoAxeViolations(family, 'the public item on a phone');

    // The demo's explainer video: the centre adds an English caption track beside the Japanese one.
    const [video] = await h.db.systemDb
      .select({ id: libraryItems.id })
      .from(libraryItems)
      .where(eq(libraryItems.title, DEMO_VIDEO_TITLE));
    await centre.goto(`/library/${video!.id}`);
    await expectHeading(centre, DEMO_VIDEO_TITLE);
    const captions = centre.getByRole('region', { name: '字幕' });
    await captions.getByText('字幕（日本語）.vtt').waitFor();
    await captions.getByLabel('字幕の言語').selectOption('en');
    await captions.getByLabel('字幕ファイル（WebVTT）').setInputFiles({
      name: 'captions.en.vtt',
      mimeType: 'text/vtt',
      buffer: Buffer.from('WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nHow school entry works (demo).\n'),
    });
    await captions.getByRole('button', { name: '字幕を登録' }).click();
    await centre.getByRole('status').filter({ hasText: '英語の字幕を保存しました。' }).waitFor();
    await expect.poll(() => centre.locator('video track').count()).toBe(2);
    await expectNoAxeViolations(centre, 'the video item with its captions');

    // On the family's phone the public player offers both tracks, Japanese by default, served as text/vtt.
    await family.goto(`/public/library/${video!.id}`);
    await expectHeading(family, DEMO_VIDEO_TITLE);
    await family.locator('video track').nth(1).waitFor({ state: 'attached' });
    const tracks = await family
      .locator('video track')
      .evaluateAll((ts) =>
        ts.map((t) => [
          t.getAttribute('kind'),
          t.getAttribute('srclang'),
          t.getAttribute('label'),
          t.hasAttribute('default'),
          t.getAttribute('src'),
        ]),
      );
    expect(tracks.map((t) => t.slice(0, 4))).toEqual([
      ['captions', 'ja', '日本語', true],
      ['captions', 'en', '英語', false],
    ]);
    const vtt = await family.request.get(String(tracks[0]![4]));
    expect(vtt.status()).toBe(200);
    expect(vtt.headers()['content-type']).toMatch(/^text\/vtt/);
    expect(await vtt.text()).toMatch(/^WEBVTT/);
    await expectNoAxeViolations(family, 'the public video with its captions');
    h.assertClean();
  }, 240_000);
});
