import { describe, expect, it } from 'vitest';
import { checkHandoffDecision, checkHandoffRequest, handoffDirection, statusAfter } from './handoff';

const pending = { status: 'requested' as const, fromTeamId: 'muni', toTeamId: 'region' };

describe('hand-off decisions', () => {
  it('lets the receiving team accept', () => {
    expect(checkHandoffDecision(pending, 'accept', ['region'], null)).toBeNull();
    expect(statusAfter('accept')).toBe('accepted');
  });

  it('needs a reason to decline', () => {
    expect(checkHandoffDecision(pending, 'decline', ['region'], null)).toBe('reason_required');
    expect(checkHandoffDecision(pending, 'decline', ['region'], '   ')).toBe('reason_required');
    expect(checkHandoffDecision(pending, 'decline', ['region'], '担当地域外のため')).toBeNull();
    expect(statusAfter('decline')).toBe('declined');
  });

  it('lets only the requesting team withdraw, and only the receiving team decide', () => {
    expect(checkHandoffDecision(pending, 'withdraw', ['region'], null)).toBe('not_requesting_team');
    expect(checkHandoffDecision(pending, 'withdraw', ['muni'], null)).toBeNull();
    expect(statusAfter('withdraw')).toBe('withdrawn');
    expect(checkHandoffDecision(pending, 'accept', ['muni'], null)).toBe('not_receiving_team');
    expect(checkHandoffDecision(pending, 'accept', ['other', 'centre'], null)).toBe('not_receiving_team');
  });

  it('refuses any decision once the hand-off is settled', () => {
    for (const status of ['accepted', 'declined', 'withdrawn'] as const) {
      for (const d of ['accept', 'decline', 'withdraw'] as const) {
        expect(checkHandoffDecision({ ...pending, status }, d, ['muni', 'region'], 'x')).toBe('not_pending');
      }
    }
  });
});

describe('hand-off requests', () => {
  const open = { closed: false, ownerTeamId: 'muni', pendingHandoff: false };

  it('refuses closed cases, the own team, and a second pending hand-off', () => {
    expect(checkHandoffRequest({ ...open, closed: true }, 'backup', { teamId: 'r', tier: 'region' })).toBe(
      'case_closed',
    );
    expect(checkHandoffRequest(open, 'handoff', { teamId: 'muni', tier: 'municipality' })).toBe('same_team');
    expect(
      checkHandoffRequest({ ...open, pendingHandoff: true }, 'handoff', { teamId: 'r', tier: 'region' }),
    ).toBe('already_pending');
  });

  it('allows back-up and supervise requests while a hand-off is pending', () => {
    const c = { ...open, pendingHandoff: true };
    expect(checkHandoffRequest(c, 'backup', { teamId: 'r', tier: 'region' })).toBeNull();
    expect(checkHandoffRequest(c, 'supervise', { teamId: 's', tier: 'region' })).toBeNull();
  });

  it('tells the direction between tiers', () => {
    expect(handoffDirection('centre', 'municipality')).toBe('down');
    expect(handoffDirection('municipality', 'region')).toBe('up');
    expect(handoffDirection('region', 'region')).toBe('across');
  });
});
