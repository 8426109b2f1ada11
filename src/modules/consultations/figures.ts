/**
 * Figures by 年度 (KU-3, KU-7) over the consultations the actor may see: counts by tier of first contact, by
 * tier that resolved, by asker kind, topic, municipality and month; hand-off times (median and 90th
 * percentile, in hours, of hand-offs accepted in the 年度); first contact of the public form (routed past a
 * municipality without staff, escalated unanswered); and, year on year over five 年度, the share of first
 * contacts taken by municipalities — the number that shows whether first-line work is moving down.
 */

import { and, eq, gte, lte, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { DbOrTx } from '../../db/client';
import { consultationHandoffs, consultations, municipalities } from '../../db/schema';
import { DATE_FORMAT, dateCell, MONTH_FORMAT, PERCENT_FORMAT } from '../../server/xlsx';
import { formatNendo, nendoRange } from '../../shared/nendo';
import {
  ASKER_KIND_LABELS,
  RESOLVED_TIER_LABELS,
  TIER_LABELS,
  TOPIC_LABELS,
} from '../../shared/vocab/consultations';
import { type Labels, labelOf } from '../../shared/vocab/label';
import type { Actor } from '../access/actor';
import { inOrder } from './access';
import { consultationScope } from './scope';

/** Years shown in the year-on-year share, the asked 年度 included. */
export const YEARS_ON_YEAR = 5;

type Count = { key: string; count: number };

export async function consultationFigures(db: DbOrTx, actor: Actor, teamIds: string[], nendo: number) {
  const { start, end } = nendoRange(nendo);
  const scope = consultationScope(actor, teamIds);
  const inYear = and(scope, gte(consultations.openedOn, start), lte(consultations.openedOn, end));
  const n = sql<number>`count(*)::int`;
  const group = (col: Parameters<typeof sql>[1]) =>
    db
      .select({ key: sql<string>`coalesce(${col}::text, '')`, count: n })
      .from(consultations)
      .where(inYear)
      .groupBy(sql`1`)
      .orderBy(sql`1`);
  const firstYear = nendoRange(nendo - (YEARS_ON_YEAR - 1)).start;
  const fy = sql<number>`(extract(year from ${consultations.openedOn}) - case when extract(month from ${consultations.openedOn}) < 4 then 1 else 0 end)::int`;
  const hours = sql`extract(epoch from (${consultationHandoffs.decidedAt} - ${consultationHandoffs.requestedAt})) / 3600.0`;
  const isPublic = sql`${consultations.source} = 'public_form'`;
  const [total, byFirstTier, byResolvedTier, byAskerKind, byTopic, byMunicipality, byMonth, times, yoy] =
    await inOrder([
      // First contact that never strands (MI-8): public requests, those the form sent past a municipality
      // without active staff (to the region or the centre), and those escalated after going unanswered.
      () =>
        db
          .select({
            count: n,
            publicRequests: sql<number>`count(*) filter (where ${isPublic})::int`,
            routedToRegion: sql<number>`count(*) filter (where ${isPublic} and ${consultations.firstTier} = 'region')::int`,
            routedToCentre: sql<number>`count(*) filter (where ${isPublic} and ${consultations.firstTier} = 'centre')::int`,
            escalated: sql<number>`count(*) filter (where ${consultations.escalatedAt} is not null)::int`,
          })
          .from(consultations)
          .where(inYear),
      () => group(consultations.firstTier),
      () => group(consultations.resolvedTier),
      () => group(consultations.askerKind),
      () =>
        db
          .select({ key: sql<string>`t.topic`, count: n })
          .from(consultations)
          .innerJoin(sql`unnest(${consultations.topics}) as t(topic)`, sql`true`)
          .where(inYear)
          .groupBy(sql`1`)
          .orderBy(sql`1`),
      () =>
        db
          .select({ key: consultations.municipalityCode, name: municipalities.name, count: n })
          .from(consultations)
          .leftJoin(municipalities, eq(municipalities.code, consultations.municipalityCode))
          .where(inYear)
          .groupBy(consultations.municipalityCode, municipalities.name)
          .orderBy(consultations.municipalityCode),
      () => group(sql`to_char(${consultations.openedOn}, 'YYYY-MM')`),
      () =>
        db
          .select({
            count: n,
            median: sql<number | null>`percentile_cont(0.5) within group (order by ${hours})`,
            p90: sql<number | null>`percentile_cont(0.9) within group (order by ${hours})`,
          })
          .from(consultationHandoffs)
          .innerJoin(consultations, eq(consultations.id, consultationHandoffs.consultationId))
          .where(
            and(
              scope,
              // The hand-offs' own prefecture column lets the (prefecture, decided_at) index find the year's rows.
              eq(consultationHandoffs.prefectureCode, actor.prefectureCode ?? ''),
              eq(consultationHandoffs.kind, 'handoff'),
              eq(consultationHandoffs.status, 'accepted'),
              sql`${consultationHandoffs.decidedAt} >= (${start}::date)::timestamp at time zone 'Asia/Tokyo'`,
              sql`${consultationHandoffs.decidedAt} < (${end}::date + 1)::timestamp at time zone 'Asia/Tokyo'`,
            ),
          ),
      () =>
        db
          .select({
            nendo: fy,
            total: n,
            municipal: sql<number>`count(*) filter (where ${consultations.firstTier} = 'municipality')::int`,
          })
          .from(consultations)
          .where(and(scope, gte(consultations.openedOn, firstYear), lte(consultations.openedOn, end)))
          .groupBy(sql`1`)
          .orderBy(sql`1`),
    ]);
  const yoyByYear = new Map(yoy.map((y) => [Number(y.nendo), y]));
  const shareYears = [];
  for (let y = nendo - (YEARS_ON_YEAR - 1); y <= nendo; y++) {
    const row = yoyByYear.get(y);
    const t = row?.total ?? 0;
    const m = row?.municipal ?? 0;
    shareYears.push({ nendo: y, label: formatNendo(y), total: t, municipal: m, share: t ? m / t : null });
  }
  const round = (v: number | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);
  const handoffTimes = times[0] ?? { count: 0, median: null, p90: null };
  return {
    nendo,
    label: formatNendo(nendo),
    range: { start, end },
    total: total[0]?.count ?? 0,
    firstContact: {
      publicRequests: total[0]?.publicRequests ?? 0,
      routedToRegion: total[0]?.routedToRegion ?? 0,
      routedToCentre: total[0]?.routedToCentre ?? 0,
      escalated: total[0]?.escalated ?? 0,
    },
    byFirstTier: byFirstTier as Count[],
    byResolvedTier: (byResolvedTier as Count[]).map((c) => ({ key: c.key || 'open', count: c.count })),
    byAskerKind: byAskerKind as Count[],
    byTopic: byTopic as Count[],
    byMunicipality: byMunicipality.map((m) => ({ key: m.key, name: m.name, count: m.count })),
    byMonth: byMonth as Count[],
    handoffHours: {
      count: handoffTimes.count,
      median: round(handoffTimes.median),
      p90: round(handoffTimes.p90),
    },
    municipalFirstContactShare: shareYears,
  };
}

export type ConsultationFigures = Awaited<ReturnType<typeof consultationFigures>>;

const SHEETS = {
  ja: {
    summary: '概要',
    firstTier: '初回受付の階層',
    resolvedTier: '解決した階層',
    askerKind: '相談者',
    topic: '相談内容',
    municipality: '市町村',
    month: '月別',
    share: '市町村の初回受付割合',
    key: '区分',
    count: '件数',
  },
  en: {
    summary: 'Summary',
    firstTier: 'First-contact tier',
    resolvedTier: 'Resolving tier',
    askerKind: 'Asker',
    topic: 'Topic',
    municipality: 'Municipality',
    month: 'Month',
    share: 'Municipal first-contact share',
    key: 'Key',
    count: 'Count',
  },
} as const;

/**
 * The figures as an .xlsx workbook (one sheet per breakdown), codes named in the workbook's language. The
 * period's ends and the months are date cells, counts numbers, the share a percentage; a figure with nothing
 * to measure (no hand-off, no consultation in a 年度) is a blank cell.
 */
export async function figuresXlsx(f: ConsultationFigures, lang: 'ja' | 'en'): Promise<Buffer> {
  const t = SHEETS[lang];
  const wb = new ExcelJS.Workbook();
  const summary = wb.addWorksheet(t.summary);
  summary.addRows([
    [lang === 'ja' ? '年度' : 'Fiscal year', lang === 'ja' ? f.label : formatNendo(f.nendo, 'en')],
    [lang === 'ja' ? '期間' : 'Period', dateCell(f.range.start), dateCell(f.range.end)],
    [lang === 'ja' ? '相談件数' : 'Consultations', f.total],
    [lang === 'ja' ? '移管件数' : 'Hand-offs accepted', f.handoffHours.count],
    [
      lang === 'ja' ? '移管までの時間（中央値・時間）' : 'Hand-off time, median (hours)',
      f.handoffHours.median,
    ],
    [
      lang === 'ja' ? '移管までの時間（90%点・時間）' : 'Hand-off time, 90th percentile (hours)',
      f.handoffHours.p90,
    ],
    [
      lang === 'ja' ? 'ウェブフォームからの申し込み' : 'Requests from the web form',
      f.firstContact.publicRequests,
    ],
    [
      lang === 'ja' ? '職員のいない市町村から圏域へ' : 'Sent to the region (no municipal staff)',
      f.firstContact.routedToRegion,
    ],
    [
      lang === 'ja' ? '圏域もなくセンターへ' : 'Sent to the centre (no one nearer)',
      f.firstContact.routedToCentre,
    ],
    [
      lang === 'ja' ? '未対応で引き継がれた申し込み' : 'Escalated after going unanswered',
      f.firstContact.escalated,
    ],
  ]);
  for (const c of [2, 3]) summary.getRow(2).getCell(c).numFmt = DATE_FORMAT;
  const counts = (
    name: string,
    rows: readonly { key: string; count: number; name?: string | null }[],
    labels?: Labels<string>,
  ) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([t.key, t.count]);
    for (const r of rows) {
      const label = labels ? labelOf(labels, r.key, lang) : r.name ? `${r.key} ${r.name}` : r.key;
      ws.addRow([label, r.count]);
    }
  };
  counts(t.firstTier, f.byFirstTier, TIER_LABELS);
  counts(t.resolvedTier, f.byResolvedTier, RESOLVED_TIER_LABELS);
  counts(t.askerKind, f.byAskerKind, ASKER_KIND_LABELS);
  counts(t.topic, f.byTopic, TOPIC_LABELS);
  counts(t.municipality, f.byMunicipality);
  const months = wb.addWorksheet(t.month);
  months.addRow([lang === 'ja' ? '月' : 'Month', t.count]);
  for (const m of f.byMonth) months.addRow([dateCell(`${m.key}-01`), m.count]);
  months.getColumn(1).numFmt = MONTH_FORMAT;
  const share = wb.addWorksheet(t.share);
  share.addRow([
    lang === 'ja' ? '年度' : 'Fiscal year',
    lang === 'ja' ? '全体' : 'All',
    lang === 'ja' ? '市町村' : 'Municipal',
    lang === 'ja' ? '割合' : 'Share',
  ]);
  for (const y of f.municipalFirstContactShare) {
    share.addRow([lang === 'ja' ? y.label : `FY${y.nendo}`, y.total, y.municipal, y.share]);
  }
  share.getColumn(4).numFmt = PERCENT_FORMAT;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
