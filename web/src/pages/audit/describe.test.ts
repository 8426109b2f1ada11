import { beforeAll, describe, expect, it } from 'vitest';
import { installDictionaries, translatorFor } from '../../i18n';
import { en } from '../../i18n/en';
import { ja } from '../../i18n/ja';
import { detailLines, entityTypeLabel, objectLabel } from './describe';

beforeAll(() => installDictionaries({ ja, en }));

const child = '11111111-1111-4111-8111-111111111111';
const run = '22222222-2222-4222-8222-222222222222';
const hidden = '33333333-3333-4333-8333-333333333333';
const objects = {
  [child]: { type: 'child', name: '熊本 陽葵', on: null },
  [run]: { type: 'census_run', name: null, on: '2026-12-06T05:05:00Z' },
};

describe('the audit log in words', () => {
  it('names kinds of object in the reader’s language, never as codes', () => {
    expect(entityTypeLabel(translatorFor('ja'), 'resource_gaps')).toBe('社会資源の不足分析');
    expect(entityTypeLabel(translatorFor('en'), 'resource_gaps')).toBe('Resource gaps');
    expect(entityTypeLabel(translatorFor('ja'), 'a_newer_kind')).toBe('その他');
  });

  it('names objects by name, by kind and day, or neutrally — never by id', () => {
    const t = translatorFor('ja');
    expect(objectLabel(t, child, objects)).toBe('熊本 陽葵');
    expect(objectLabel(t, run, objects)).toBe('名寄せの実行（令和8年12月6日（日）14:05）');
    expect(objectLabel(t, hidden, objects)).toBe('記録');
  });

  it('writes the detail as labelled lines, without JSON, UUIDs or codes', () => {
    const t = translatorFor('ja');
    const lines = detailLines(
      t,
      {
        event: 'user_invited',
        role: 'municipal_staff',
        fields: ['givenName', 'address'],
        filter: { regionId: hidden, careItem: 'ventilator' },
        childId: child,
        nendo: 2026,
        sessionsEnded: true,
        municipalityCode: '142051',
        status: 'at_home',
        aNewKey: 'some_new_code',
        empty: {},
      },
      objects,
    );
    const text = lines.map((l) => `${l.label}：${l.value}`).join('\n');
    expect(text).toContain('内容：利用者の招待');
    expect(text).toContain('役割：市町村職員');
    expect(text).toContain('変更した項目：名、住所');
    expect(text).toContain('記録：熊本 陽葵');
    expect(text).toContain('年度：令和8年度');
    expect(text).toContain('サインイン中のセッションを終了：はい');
    expect(text).toContain('市町村：藤沢市');
    expect(text).toContain('状態：在宅');
    expect(text).toContain('その他：（区分あり）');
    expect(text).toContain('条件：圏域：記録、医療的ケア：人工呼吸器の管理');
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(text).not.toMatch(/[{}"]/);
    expect(text).not.toContain('user_invited');
    expect(lines.some((l) => l.key === 'empty')).toBe(false);
  });

  it('reads the same entry in English', () => {
    const lines = detailLines(translatorFor('en'), { event: 'created', total: 1234 }, objects);
    expect(lines).toEqual([
      { key: 'event', label: 'What', value: 'Created' },
      { key: 'total', label: 'Count', value: '1,234' },
    ]);
  });

  it('names the words a detail records under one key, and hides codes no vocabulary names', () => {
    const detail = {
      area: 'prefecture',
      row: 'lifeElement',
      col: 'outcome',
      view: 'history',
      secondFactor: 'pending',
      aNewKey: 'newestFirst',
      reason: '転居のため',
      fileName: 'report.xlsx',
      name: 'alpha',
    };
    const ja = detailLines(translatorFor('ja'), detail, objects).map((l) => `${l.label}：${l.value}`);
    expect(ja).toEqual([
      '範囲：都道府県全体',
      '行：生活の要素',
      '列：結果',
      '表示：変更履歴',
      '2段階認証：確認コードの入力待ち',
      'その他：（区分あり）',
      '理由：転居のため',
      'ファイル名：report.xlsx',
      '名称：alpha',
    ]);
    const en = detailLines(translatorFor('en'), detail, objects).map((l) => `${l.label}: ${l.value}`);
    expect(en).toEqual([
      'Area: Whole prefecture',
      'Row: Life element',
      'Column: Outcome',
      'View: History',
      'Two-factor: Code awaited',
      'Other: (coded)',
      'Reason: 転居のため',
      'File name: report.xlsx',
      'Name: alpha',
    ]);
  });

  it('labels every kind of detail key the server records (no 「その他」 for known keys)', () => {
    const lines = detailLines(
      translatorFor('ja'),
      { yourVersion: 3, currentVersion: 4, range: [0, 1023], access: 'full', purpose: 'page' },
      objects,
    );
    expect(lines.map((l) => `${l.label}：${l.value}`)).toEqual([
      '送信された版：3',
      '現在の版：4',
      '範囲（バイト）：0、1,023',
      '閲覧の種類：すべて',
      '目的：画面での閲覧',
    ]);
  });

  it('reads a list’s filters as the search recorded them: order, view and sorted column in words', () => {
    const filters = {
      filters: { view: 'handoffs-inbox', status: 'any', sort: 'opened', dir: 'asc', page: 1, pageSize: 25 },
    };
    const ja = detailLines(translatorFor('ja'), filters, objects)[0]!;
    expect(ja.label).toBe('条件');
    expect(ja.value).toBe(
      '表示：届いた依頼、状態：すべて、並べ替え：受付日、並び順：昇順、ページ：1、1ページの件数：25',
    );
    const en = detailLines(translatorFor('en'), filters, objects)[0]!;
    expect(en.value).toBe(
      'View: Requests received, Status: Any, Sorted by: Opened, Order: Ascending, Page: 1, Page size: 25',
    );
  });

  it('names the fields a change record changed, in either language', () => {
    const detail = {
      event: 'update',
      fields: ['familyName', 'address', 'careItems'],
      changes: { status: ['at_home', 'in_hospital'], onMeibo: [null, true] },
    };
    const ja = detailLines(translatorFor('ja'), detail, objects).map((l) => `${l.label}：${l.value}`);
    expect(ja).toContain('変更した項目：姓、住所、医療的ケア');
    expect(ja).toContain('変更内容：状態：在宅 → 入院中、避難行動要支援者名簿への掲載：— → はい');
    const en = detailLines(translatorFor('en'), detail, objects).map((l) => `${l.label}: ${l.value}`);
    expect(en).toContain('Fields changed: Family name, Address, Care items');
    expect(en.join('\n')).not.toMatch(/Other|careItems|onMeibo/);
    // A field this screen does not know yet: how many changed, never its code.
    const unknown = detailLines(translatorFor('ja'), { changed: ['name', 'aNewField'] }, objects);
    expect(unknown.map((l) => l.value)).toEqual(['2項目']);
  });
});
