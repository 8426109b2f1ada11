/**
 * A regional issue end to end: 藤沢市's staff raise it from a consultation they took in; the coordinator of
 * 湘南東部 adds a consultation the municipality cannot see (counted, not named), carries it to the prefectural
 * council; the centre proposes it to the prefecture and records the answer; every move is in the history with who
 * and when; stale versions, wrong steps and missing texts change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, isoDateInJapan } from '../../shared/dates';
import { createTestApp, type TestApp } from '../../test/app';
import { type ConsultationWorld, consultationWorld, intake } from '../consultations/testing';

let t: TestApp;
let w: ConsultationWorld;
let issue: { id: string; version: number };
let fromFujisawa: { id: string };
let fromCoordinator: { id: string };
const today = isoDateInJapan(new Date());

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
  fromFujisawa = await intake(w.users.fujisawa.client, { subject: '短期入所先が見つからない' });
  fromCoordinator = await intake(w.users.coordA.client, {
    subject: '医療型短期入所の空きがない',
    askerContact: '訪問看護ステーションふじさわ 佐藤',
  });
}, 60_000);
afterAll(() => t.close());

describe('regional issues', () => {
  it('municipal staff raise an issue for their municipality from a consultation, which becomes evidence', async () => {
    const res = await w.users.fujisawa.client.post('/api/regional-issues', {
      title: '医療型短期入所が圏域に足りない',
      description: '人工呼吸器の子を預けられる短期入所先が圏域にない。',
      careItem: 'ventilator',
      source: { kind: 'consultation', id: fromFujisawa.id },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    issue = res.body;
    expect(res.body.municipality).toEqual({ code: '142051', name: '藤沢市' });
    expect(res.body.region.id).toBe(w.regionA.id);
    expect(res.body.level).toBe('region');
    expect(res.body.number).toMatch(/^R\d+-0001$/);
    expect(res.body.source).toMatchObject({ kind: 'consultation', visible: true });
    expect(res.body.evidence).toMatchObject({ total: 1, hidden: 0, distinctAskers: 1 });
    expect(res.body.evidence.gap).toMatchObject({ careItem: 'ventilator', regionName: '湘南東部' });
    expect(res.body.allowed).toMatchObject({ edit: true, carryUp: false, close: false });
  });

  it('municipal staff may not raise for another municipality', async () => {
    const res = await w.users.fujisawa.client.post('/api/regional-issues', {
      title: 'x',
      description: 'y',
      municipalityCode: '142077',
    });
    expect(res.status).toBe(403);
  });

  it('evidence the reader cannot see is counted, not named; distinct askers are counted over all', async () => {
    const linked = await w.users.coordA.client.post(`/api/regional-issues/${issue.id}/consultations`, {
      consultationId: fromCoordinator.id,
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    // The coordinator's team does not see the case 藤沢市 took in.
    expect(linked.body.evidence).toMatchObject({ total: 2, hidden: 1, distinctAskers: 2 });
    const centre = await w.users.centreAdmin.client.get(`/api/regional-issues/${issue.id}`);
    expect(centre.body.evidence).toMatchObject({ total: 2, hidden: 0, distinctAskers: 2 });
    const seen = await w.users.fujisawa.client.get(`/api/regional-issues/${issue.id}`);
    expect(seen.body.evidence).toMatchObject({ total: 2, hidden: 1, distinctAskers: 2 });
    expect(seen.body.evidence.consultations.map((c: { id: string }) => c.id)).toEqual([fromFujisawa.id]);
    issue = seen.body;
  });

  it('carries the issue up step by step; each step is the role’s to take', async () => {
    const move = (client: typeof w.users.coordA.client, body: Record<string, unknown>) =>
      client.post(`/api/regional-issues/${issue.id}/move`, { version: issue.version, ...body });
    expect((await move(w.users.fujisawa.client, { move: 'carry_up' })).status).toBe(403);
    // The council's date: not before the issue was raised, not in the future.
    for (const on of [addDays(today, -1), addDays(today, 1)]) {
      expect((await move(w.users.coordA.client, { move: 'carry_up', on })).status).toBe(400);
    }
    const up = await move(w.users.coordA.client, { move: 'carry_up', on: today });
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    expect(up.body).toMatchObject({ level: 'prefecture_council', councilOn: today });
    // Stale: the version read before the move.
    const stale = await move(w.users.centreAdmin.client, { move: 'carry_up', text: '提言' });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'conflict']);
    issue = up.body;
    expect((await move(w.users.coordA.client, { move: 'carry_up', text: '提言' })).status).toBe(403);
    const noText = await move(w.users.centreAdmin.client, { move: 'carry_up' });
    expect([noText.status, noText.body.error.code]).toEqual([400, 'validation_failed']);
    const proposed = await move(w.users.centreAdmin.client, {
      move: 'carry_up',
      on: today,
      text: '圏域ごとに医療型短期入所を1か所以上確保すること。',
    });
    expect(proposed.status).toBe(200);
    expect(proposed.body).toMatchObject({ level: 'proposal', proposedOn: today });
    issue = proposed.body;
    const again = await move(w.users.centreAdmin.client, { move: 'carry_up', text: 'x' });
    expect([again.status, again.body.error.code]).toEqual([409, 'issue_at_top']);
  });

  it('records the answer with its text and date, and ends with it', async () => {
    const early = await w.users.centreAdmin.client.post(`/api/regional-issues/${issue.id}/answer`, {
      version: issue.version,
      answerText: '来年度予算で検討する。',
      answeredOn: addDays(today, -1),
    });
    expect(early.status).toBe(400);
    const answered = await w.users.centreAdmin.client.post(`/api/regional-issues/${issue.id}/answer`, {
      version: issue.version,
      answerText: '来年度予算で検討する。',
      answeredOn: today,
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ level: 'answered', answeredOn: today });
    expect(answered.body.allowed.sendBack).toBe(false);
    const back = await w.users.centreAdmin.client.post(`/api/regional-issues/${issue.id}/move`, {
      version: answered.body.version,
      move: 'send_back',
      text: '再検討',
    });
    expect([back.status, back.body.error.code]).toEqual([409, 'issue_at_bottom']);
    const closed = await w.users.coordA.client.post(`/api/regional-issues/${issue.id}/close`, {
      version: answered.body.version,
      outcome: 'answered',
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'answered' });
    const edit = await w.users.coordA.client.patch(`/api/regional-issues/${issue.id}`, {
      version: closed.body.version,
      title: 'x',
    });
    expect([edit.status, edit.body.error.code]).toEqual([409, 'issue_closed']);
    const kinds = closed.body.history.map((h: { kind: string }) => h.kind).reverse();
    expect(kinds).toEqual([
      'raised',
      'consultation_linked',
      'consultation_linked',
      'carried_up',
      'carried_up',
      'answered',
      'closed',
    ]);
    expect(closed.body.history.every((h: { by: string; at: string }) => h.by && h.at)).toBe(true);
  });

  it('sends an issue back from the council with a reason, and lists show level, age, owner', async () => {
    const raised = await w.users.coordA.client.post('/api/regional-issues', {
      title: '通所の看護師が孤立している',
      description: '放課後等デイの看護師が一人配置で相談先がない。',
      regionId: w.regionA.id,
      ownerUserId: w.users.coordA.id,
      nextStep: '圏域の協議の場で報告',
      nextStepOn: '2026-12-20',
    });
    expect(raised.status).toBe(201);
    const up = await w.users.coordA.client.post(`/api/regional-issues/${raised.body.id}/move`, {
      version: raised.body.version,
      move: 'carry_up',
    });
    const noReason = await w.users.centreAdmin.client.post(`/api/regional-issues/${raised.body.id}/move`, {
      version: up.body.version,
      move: 'send_back',
    });
    expect(noReason.status).toBe(400);
    const back = await w.users.centreAdmin.client.post(`/api/regional-issues/${raised.body.id}/move`, {
      version: up.body.version,
      move: 'send_back',
      text: '事業所への聞き取りを追加してください',
    });
    expect(back.body).toMatchObject({ level: 'region', councilOn: null });
    const list = await w.users.branch.client.get('/api/regional-issues');
    expect(list.status).toBe(200);
    const row = list.body.items.find((i: { id: string }) => i.id === raised.body.id);
    expect(row).toMatchObject({
      level: 'region',
      owner: { id: w.users.coordA.id },
      nextStep: '圏域の協議の場で報告',
      ageDays: 0,
    });
  });
});
