/**
 * The outage list (docs/disaster.md §4): the children at home in the chosen municipalities, electricity-dependent
 * first, then by the hours of battery left now (battery hours minus the time since the power went out), then by
 * care needs (the care score), with contacts and the newest safety check since the outage. One statement ranks
 * the area and counts it; only the page of rows returned is joined with contacts, and the page comes back as one
 * JSON value in the shape of the API's rows (the database builds it; the server parses one value, not a field per
 * column and row).
 *
 * Speed (docs/disaster.md §4.1, recomputed every minute by every reader): the area's children are read once
 * (extended statistics on children's prefecture and municipality let the planner expect a whole prefecture's
 * worth, migration 0052), each child's mains devices from a partial index alone (`child_devices_mains_idx`), and
 * the newest check from `disaster_safety_checks_child_idx`.
 *
 * Names follow consent: a child appears named only with the guardian's `disaster_planning` consent (or, under a
 * declared event, once the reader opened the record with a reason — openings.ts). Others are counted; under an
 * event they also appear as unnamed rows, so that a responder sees who is most at risk and may open them.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { rowsOf } from '../../db/client';
import type { SafetyResult } from '../../shared/vocab/disaster-events';
import { hoursLeft } from './policy';

/**
 * Rows of a list a screen asks for at first (docs/disaster.md §4.1): the most urgent hundred, more on request; a
 * print asks for up to 2,000. The page, not the area, sets what a refresh sends and what its audit entry names.
 */
export const OUTAGE_PAGE = 100;

export type OutageQuery = {
  prefectureCode: string;
  codes: string[];
  since: Date;
  now: Date;
  /** The reader (their openings under the event name the child for them). */
  userId: string;
  /** Under a declared event: its id; unnamed children are listed as rows. */
  eventId: string | null;
  limit: number;
  /** Only this child's row (the row of a record just opened). */
  childId?: string;
};

export type OutageContact = { kind: string; name: string | null; phone: string | null };

export type OutageRow = {
  rank: number;
  childId: string;
  named: boolean;
  /** How the reader may see the name: the guardian's consent, or an opening under the event. */
  basis: 'consent' | 'opened' | null;
  familyName: string | null;
  givenName: string | null;
  familyKana: string | null;
  givenKana: string | null;
  birthDate: string | null;
  address: string | null;
  municipalityCode: string;
  municipalityName: string;
  dependent: boolean;
  batteryHours: number | null;
  hoursLeft: number | null;
  careScore: number | null;
  backupPower: string[];
  contacts: OutageContact[];
  lastCheck: {
    result: SafetyResult;
    checkedAt: string;
    callerName: string;
    helpNeeded: string | null;
  } | null;
};

export type OutageList = {
  /** The chosen municipalities, by code. */
  municipalities: { code: string; name: string }[];
  total: number;
  /** Rows the list holds for the reader (named, or every row under an event), of which `rows` is the first page. */
  listed: number;
  dependent: number;
  named: number;
  /** Children withheld for want of consent (named only under an event by a responder's opening). */
  withheld: number;
  withheldDependent: number;
  checked: number;
  needsHelp: number;
  rows: OutageRow[];
};

/**
 * The list as it stands at `now` (the hours of battery left fall as time passes): a copy whose rows' hours left are
 * counted to `now`, for a list read at another moment — a shared read (routes.ts) serves requests that arrived
 * moments apart.
 */
export function atTime(list: OutageList, since: Date, now: Date): OutageList {
  return {
    ...list,
    rows: list.rows.map((r) => ({ ...r, hoursLeft: hoursLeft(r.batteryHours, since, now) })),
  };
}

/** A PostgreSQL array literal of the codes: one parameter, however many municipalities a prefecture has. */
export function textArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

type Counts = {
  n_total: unknown;
  n_listed: unknown;
  n_dependent: unknown;
  n_named: unknown;
  n_consented: unknown;
  n_withheld_dependent: unknown;
  n_unconsented_dependent: unknown;
  n_checked: unknown;
  n_needs_help: unknown;
  municipalities: unknown;
  rows: unknown;
};

export async function outageList(db: DbOrTx, q: OutageQuery): Promise<OutageList> {
  const since = q.since.toISOString();
  const codes = textArray(q.codes);
  // Openings name a child only under an event in force, for the reader who opened it.
  const opened = q.eventId
    ? sql`c.id in (select o.child_id from disaster_event_openings o
                   where o.event_id = ${q.eventId}::uuid and o.user_id = ${q.userId}::uuid)`
    : sql`false`;
  // The rows of the page: named ones (under an event in force, every one), or only the child asked for.
  const onPage = sql`(b.consented or b.opened or ${q.eventId !== null}::boolean)${
    q.childId ? sql` and b.id = ${q.childId}::uuid` : sql``
  }`;
  const [counts] = rowsOf<Counts>(
    await db.execute(sql`
    with base as (
      select c.id, c.care_score, c.family_kana, c.given_kana, c.family_name, c.given_name, c.birth_date,
             c.address, c.municipality_code, m.name as municipality_name, p.backup_power,
             coalesce(dc.granted, false) as consented,
             coalesce(dep.dependent, false) as dependent,
             coalesce(p.battery_hours_total, dep.min_hours) as battery_hours,
             ${opened} as opened,
             sc.result as check_result, sc.checked_at, sc.caller_name, sc.help_needed
      from children c
      join municipalities m on m.code = c.municipality_code
      left join child_disaster_consents dc on dc.child_id = c.id
      left join child_disaster_profiles p on p.child_id = c.id
      left join lateral (
        select true as dependent, min(d.battery_hours) as min_hours
        from child_devices d where d.child_id = c.id and d.needs_mains having count(*) > 0) dep on true
      left join lateral (
        select s.result, s.checked_at, s.caller_name, s.help_needed from disaster_safety_checks s
        where s.child_id = c.id and s.checked_at >= ${since}::timestamptz
        order by s.checked_at desc limit 1) sc on true
      where c.prefecture_code = ${q.prefectureCode} and c.municipality_code = any(${codes}::bpchar[])
        and c.status = 'at_home'
    ),
    ranked as (
      select b.*, (b.consented or b.opened) as named, ${onPage} as on_page, row_number() over w as rank,
             count(*) filter (where ${onPage}) over w as listed
      from base b
      -- The hours left now are the battery hours less the same time for every child: ranked by the battery hours.
      window w as (order by b.dependent desc, b.battery_hours asc nulls first, b.care_score desc nulls last,
                            b.family_kana, b.given_kana, b.id)
    )
    select count(*) as n_total,
           count(*) filter (where pg.on_page) as n_listed,
           count(*) filter (where pg.dependent) as n_dependent,
           count(*) filter (where pg.named) as n_named,
           count(*) filter (where pg.consented) as n_consented,
           count(*) filter (where not pg.named and pg.dependent) as n_withheld_dependent,
           count(*) filter (where not pg.consented and pg.dependent) as n_unconsented_dependent,
           count(*) filter (where pg.check_result is not null) as n_checked,
           count(*) filter (where pg.check_result = 'needs_help') as n_needs_help,
           (select coalesce(json_agg(json_build_object('code', m.code, 'name', m.name) order by m.code), '[]'::json)
            from municipalities m where m.code = any(${codes}::bpchar[])) as municipalities,
           coalesce(json_agg(json_build_object(
              'rank', pg.rank, 'childId', pg.id, 'named', pg.named,
              'basis', case when not pg.named then null when pg.consented then 'consent' else 'opened' end,
              'familyName', case when pg.named then pg.family_name end,
              'givenName', case when pg.named then pg.given_name end,
              'familyKana', case when pg.named then pg.family_kana end,
              'givenKana', case when pg.named then pg.given_kana end,
              'birthDate', case when pg.named then pg.birth_date::text end,
              'address', case when pg.named then pg.address end,
              'municipalityCode', pg.municipality_code, 'municipalityName', pg.municipality_name,
              'dependent', pg.dependent, 'batteryHours', pg.battery_hours,
              'careScore', pg.care_score, 'backupPower', coalesce(pg.backup_power, '{}'),
              'contacts', case when pg.named then (
                select coalesce(json_agg(json_build_object('kind', x.kind, 'name', x.name, 'phone', x.phone)
                                         order by x.o), '[]'::json)
                from (
                  select 'guardian' as kind, g.family_name || ' ' || g.given_name as name, g.phone,
                         case when g.is_primary then '0' else '1' end as o
                  from child_guardians g where g.child_id = pg.id
                  union all
                  select k.kind, coalesce(k.name, k.organisation), k.phone, '2' || lpad(k.position::text, 4, '0')
                  from child_disaster_contacts k where k.child_id = pg.id) x)
                else '[]'::json end,
              'lastCheck', case when pg.check_result is not null then json_build_object(
                'result', pg.check_result,
                'checkedAt', to_char(pg.checked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'callerName', pg.caller_name, 'helpNeeded', pg.help_needed) end
             ) order by pg.rank) filter (where pg.on_page and pg.listed <= ${q.limit}), '[]'::json) as rows
    from ranked pg`),
  );
  const c = counts!;
  const json = <T>(v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as T;
  const rows = json<Omit<OutageRow, 'hoursLeft'>[]>(c.rows).map((r) => ({
    ...r,
    hoursLeft: hoursLeft(r.batteryHours, q.since, q.now),
  }));
  const total = Number(c.n_total ?? 0);
  // With no row on the page (nothing named), the area is counted by consent alone and its checks are not
  // counted, as the list has always counted it.
  const empty = rows.length === 0;
  const named = Number((empty ? c.n_consented : c.n_named) ?? 0);
  return {
    municipalities: json<OutageList['municipalities']>(c.municipalities),
    total,
    listed: Number(c.n_listed ?? 0),
    dependent: Number(c.n_dependent ?? 0),
    named,
    withheld: total - named,
    withheldDependent: Number((empty ? c.n_unconsented_dependent : c.n_withheld_dependent) ?? 0),
    checked: empty ? 0 : Number(c.n_checked ?? 0),
    needsHelp: empty ? 0 : Number(c.n_needs_help ?? 0),
    rows,
  };
}
