import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor';
import { municipalFiguresKey, overviewKey } from './figures-cache';

const actor = (over: Partial<Actor>): Actor => ({
  userId: 'u1',
  email: 'a@example.jp',
  displayName: 'A',
  role: 'centre_staff',
  prefectureCode: '14',
  scope: { kind: 'prefecture' },
  locale: 'ja',
  ...over,
});

describe('the keys of what the municipality pages keep', () => {
  it('shares a whole-prefecture reader’s figures with the same scope, not across municipalities or 年度', () => {
    const a = municipalFiguresKey(actor({}), '142051', 2026, '2026-06-01');
    expect(municipalFiguresKey(actor({ userId: 'u2' }), '142051', 2026, '2026-06-01')).toBe(a);
    expect(municipalFiguresKey(actor({}), '142077', 2026, '2026-06-01')).not.toBe(a);
    expect(municipalFiguresKey(actor({}), '142051', 2025, '2026-06-01')).not.toBe(a);
    expect(municipalFiguresKey(actor({}), '142051', 2026, '2026-06-02')).not.toBe(a);
  });

  it('keeps a reader’s own figures when the consultation counts follow the reader’s teams', () => {
    const coordinator = (userId: string) =>
      actor({ userId, role: 'regional_coordinator', scope: { kind: 'regions', regionIds: ['r1'] } });
    expect(municipalFiguresKey(coordinator('u1'), '142051', 2026, '2026-06-01')).not.toBe(
      municipalFiguresKey(coordinator('u2'), '142051', 2026, '2026-06-01'),
    );
  });

  it('keys the prefecture view by area whatever the order of its regions, and by the newest entry', () => {
    const regions = (ids: string[]) => ({
      prefectureCode: '14',
      area: { kind: 'regions' as const, regionIds: ids },
      edit: true,
    });
    expect(overviewKey(regions(['b', 'a']), 2026, 7)).toBe(overviewKey(regions(['a', 'b']), 2026, 7));
    expect(overviewKey(regions(['a', 'b']), 2026, 8)).not.toBe(overviewKey(regions(['a', 'b']), 2026, 7));
    expect(overviewKey(regions(['a']), 2026, 7)).not.toBe(overviewKey(regions(['a', 'b']), 2026, 7));
  });
});
