/**
 * The outage list (docs/disaster.md §4): the children at home in the chosen municipalities, electricity-dependent
 * first, then by the hours of battery left now (battery hours minus the time since the power went out), then by
 * care needs (the care score), with contacts and the newest safety check since the outage. One statement ranks
 * the area and counts it; only the page of rows returned is joined with names and contacts.
 *
 * Names follow consent: a child appears named only with the guardian's `disaster_planning` consent (or, under a
 * declared event, once the reader opened the record with a reason — openings.ts). Others are counted; under an
 * event they also appear as unnamed rows, so that a responder sees who is most at risk and may open them.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { rowsOf } from '../../db/client';
import type { SafetyResult } from '../../shared/vocab/disaster-events';

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
  total: number;
  dependent: number;
  named: number;
  /** Children withheld for want of consent (named only under an event by a responder's opening). */
  withheld: number;
  withheldDependent: number;
  checked: number;
  needsHelp: number;
  rows: OutageRow[];
};

const num = (v: unknown) => (v == null ? null : Number(v));
const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

export async function outageList(db: DbOrTx, q: OutageQuery): Promise<OutageList> {
  const since = q.since.toISOString();
  const now = q.now.toISOString();
  const event = q.eventId ?? '00000000-0000-0000-0000-000000000000';
  const codeList = sql.join(
    q.codes.map((c) => sql`${c}`),
    sql`, `,
  );
  const result = await db.execute(sql`
    with base as (
      select c.id, c.care_score, c.family_kana, c.given_kana,
             coalesce(dc.granted, false) as consented,
             coalesce(dep.dependent, false) as dependent,
             coalesce(p.battery_hours_total, dep.min_hours) as battery_hours,
             exists (select 1 from disaster_event_openings o
                     where o.event_id = ${event}::uuid and o.user_id = ${q.userId}::uuid and o.child_id = c.id) as opened,
             sc.result as check_result
      from children c
      left join child_disaster_consents dc on dc.child_id = c.id
      left join child_disaster_profiles p on p.child_id = c.id
      left join lateral (
        select bool_or(d.needs_mains) as dependent, min(d.battery_hours) filter (where d.needs_mains) as min_hours
        from child_devices d where d.child_id = c.id) dep on true
      left join lateral (
        select s.result from disaster_safety_checks s
        where s.child_id = c.id and s.checked_at >= ${since}::timestamptz
        order by s.checked_at desc limit 1) sc on true
      where c.prefecture_code = ${q.prefectureCode} and c.municipality_code in (${codeList})
        and c.status = 'at_home'
    ),
    counted as (
      select b.*, (b.consented or b.opened) as named,
             b.battery_hours - extract(epoch from (${now}::timestamptz - ${since}::timestamptz)) / 3600 as hours_left,
             count(*) over () as n_total,
             count(*) filter (where b.dependent) over () as n_dependent,
             count(*) filter (where b.consented or b.opened) over () as n_named,
             count(*) filter (where not (b.consented or b.opened) and b.dependent) over () as n_withheld_dependent,
             count(*) filter (where b.check_result is not null) over () as n_checked,
             count(*) filter (where b.check_result = 'needs_help') over () as n_needs_help
      from base b
    ),
    ranked as (
      select k.*, row_number() over (
               order by k.dependent desc, k.hours_left asc nulls first, k.care_score desc nulls last,
                        k.family_kana, k.given_kana, k.id) as rank
      from counted k
    ),
    page as (
      select * from ranked where (named or ${q.eventId !== null}::boolean)
        ${q.childId ? sql`and id = ${q.childId}::uuid` : sql``}
      order by rank limit ${q.limit}
    )
    select pg.id, pg.rank, pg.named, pg.consented, pg.dependent, pg.battery_hours, pg.hours_left, pg.care_score,
           pg.n_total, pg.n_dependent, pg.n_named, pg.n_withheld_dependent, pg.n_checked, pg.n_needs_help,
           c.municipality_code, m.name as municipality_name,
           case when pg.named then c.family_name end as family_name,
           case when pg.named then c.given_name end as given_name,
           case when pg.named then c.family_kana end as family_kana,
           case when pg.named then c.given_kana end as given_kana,
           case when pg.named then c.birth_date::text end as birth_date,
           case when pg.named then c.address end as address,
           coalesce(p.backup_power, '{}') as backup_power,
           case when pg.named then (
             select coalesce(jsonb_agg(x order by x->>'o'), '[]'::jsonb) from (
               select jsonb_build_object('kind', 'guardian', 'name', g.family_name || ' ' || g.given_name,
                                         'phone', g.phone, 'o', case when g.is_primary then '0' else '1' end) as x
               from child_guardians g where g.child_id = pg.id
               union all
               select jsonb_build_object('kind', k.kind, 'name', coalesce(k.name, k.organisation),
                                         'phone', k.phone, 'o', '2' || lpad(k.position::text, 4, '0'))
               from child_disaster_contacts k where k.child_id = pg.id) cs)
           else '[]'::jsonb end as contacts,
           sc.result as check_result, sc.checked_at, sc.caller_name, sc.help_needed
    from page pg
    join children c on c.id = pg.id
    join municipalities m on m.code = c.municipality_code
    left join child_disaster_profiles p on p.child_id = pg.id
    left join lateral (
      select s.result, s.checked_at, s.caller_name, s.help_needed from disaster_safety_checks s
      where s.child_id = pg.id and s.checked_at >= ${since}::timestamptz
      order by s.checked_at desc limit 1) sc on true
    order by pg.rank`);
  type Raw = Record<string, unknown>;
  const raw = rowsOf<Raw>(result);
  let counts = raw[0];
  if (!counts) {
    // No row on the page (nothing named): count the area on its own.
    counts = rowsOf<Raw>(
      await db.execute(sql`
        select count(*) as n_total,
               count(*) filter (where dep.dependent) as n_dependent,
               count(*) filter (where coalesce(dc.granted, false)) as n_named,
               count(*) filter (where not coalesce(dc.granted, false) and dep.dependent) as n_withheld_dependent,
               0 as n_checked, 0 as n_needs_help
        from children c
        left join child_disaster_consents dc on dc.child_id = c.id
        left join lateral (select coalesce(bool_or(d.needs_mains), false) as dependent
                           from child_devices d where d.child_id = c.id) dep on true
        where c.prefecture_code = ${q.prefectureCode} and c.municipality_code in (${codeList})
          and c.status = 'at_home'`),
    )[0]!;
  }
  const total = Number(counts.n_total ?? 0);
  const named = Number(counts.n_named ?? 0);
  return {
    total,
    dependent: Number(counts.n_dependent ?? 0),
    named,
    withheld: total - named,
    withheldDependent: Number(counts.n_withheld_dependent ?? 0),
    checked: Number(counts.n_checked ?? 0),
    needsHelp: Number(counts.n_needs_help ?? 0),
    rows: raw.map((r) => ({
      rank: Number(r.rank),
      childId: String(r.id),
      named: Boolean(r.named),
      basis: r.named ? (r.consented ? 'consent' : 'opened') : null,
      familyName: (r.family_name as string | null) ?? null,
      givenName: (r.given_name as string | null) ?? null,
      familyKana: (r.family_kana as string | null) ?? null,
      givenKana: (r.given_kana as string | null) ?? null,
      birthDate: (r.birth_date as string | null) ?? null,
      address: (r.address as string | null) ?? null,
      municipalityCode: String(r.municipality_code),
      municipalityName: String(r.municipality_name),
      dependent: Boolean(r.dependent),
      batteryHours: num(r.battery_hours),
      hoursLeft: r.hours_left == null ? null : Math.round(Number(r.hours_left) * 10) / 10,
      careScore: num(r.care_score),
      backupPower: (r.backup_power as string[] | null) ?? [],
      contacts: (
        (typeof r.contacts === 'string' ? JSON.parse(r.contacts) : r.contacts) as (OutageContact & {
          o?: string;
        })[]
      ).map(({ kind, name, phone }) => ({ kind, name, phone })),
      lastCheck: r.check_result
        ? {
            result: r.check_result as SafetyResult,
            checkedAt: iso(r.checked_at)!,
            callerName: String(r.caller_name),
            helpNeeded: (r.help_needed as string | null) ?? null,
          }
        : null,
    })),
  };
}
