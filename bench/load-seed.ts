/**
 * Data of the load benchmark (`npm run bench:load`): one prefecture at the scale of a large one — its network and
 * children from the demo generator (src/demo/generate.ts), consultations generated in SQL as in
 * bench/consultations.bench.ts, the resources directory (src/demo/resources.ts) — and the staff who sign in:
 * centre staff for the whole prefecture, regional coordinators and municipal staff (TOTP where the role needs it).
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../src/db/client';
import { generateNetwork } from '../src/demo/generate';
import { generateResources } from '../src/demo/resources';
import type { Role } from '../src/modules/access/roles';
import { generateTotpSecret, makeUser } from '../src/test/factories';

export type LoadSeedOptions = {
  prefectureCode: string;
  children: number;
  consultations: number;
  services: number;
  /** TSUNAGU_SECRET of the server (TOTP seeds are encrypted with it). */
  secretKey: string;
};

export type LoadUser = { role: Role; email: string; totpSecret: string | null };

export type LoadSeed = {
  users: LoadUser[];
  /** Kana family names of the prefecture's children, for searches that find someone. */
  kanaNames: string[];
  /** Municipalities with listings, for the public search. */
  serviceMunicipalities: string[];
  counts: { children: number; consultations: number; services: number };
};

/** Topic codes of consultations (as in consultations/vocab.ts). */
const TOPICS = ['medical_care', 'welfare_services', 'education', 'childcare', 'short_stay', 'disaster'];

export async function generateConsultationRows(db: DbOrTx, pref: string, count: number) {
  await db.execute(sql`insert into consultation_teams (prefecture_code, kind, tier, municipality_code, name)
    select prefecture_code, 'tier', 'municipality', code, name from municipalities where prefecture_code = ${pref}
    on conflict do nothing`);
  await db.execute(sql`insert into consultation_teams (prefecture_code, kind, tier, region_id, name)
    select prefecture_code, 'tier', 'region', id, name from regions where prefecture_code = ${pref}
    on conflict do nothing`);
  await db.execute(sql`insert into consultation_teams (prefecture_code, kind, tier, name)
    select code, 'tier', 'centre', name || 'センター' from prefectures where code = ${pref} on conflict do nothing`);
  await db.execute(sql`drop table if exists bench_load_muni`);
  await db.execute(sql`create table bench_load_muni as
    select row_number() over (order by m.code)::int as idx, m.code,
      (select id from consultation_teams t where t.tier = 'municipality' and t.municipality_code = m.code) as muni_team,
      (select t.id from consultation_teams t join region_municipalities rm on rm.region_id = t.region_id
        where t.tier = 'region' and rm.municipality_code = m.code and rm.valid_to is null limit 1) as region_team,
      (select id from consultation_teams t where t.tier = 'centre' and t.prefecture_code = m.prefecture_code) as centre_team
    from municipalities m where m.prefecture_code = ${pref}`);
  const [{ n }] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int n from bench_load_muni`),
  ) as [{ n: number }];
  const topics = sql`array[${sql.join(
    TOPICS.map((t) => sql`${t}`),
    sql`, `,
  )}]::text[]`;
  for (let done = 0; done < count; done += 20_000) {
    const size = Math.min(20_000, count - done);
    await db.execute(sql`insert into consultations (prefecture_code, owner_team_id, owner_tier, first_team_id, first_tier,
        municipality_code, asker_kind, channel, child_kind, topics, urgency, subject, narrative, search_text, opened_at,
        opened_on, next_action_on, due_on, closed_at, closed_on, outcome, resolved_team_id, resolved_tier, source)
      select ${pref}, x.owner, x.tier, x.owner, x.tier, m.code,
        (array['family','hospital','provider','school','nursery','municipality','other'])[1 + (r.a * 7)::int % 7],
        (array['phone','visit','email','online_form','meeting'])[1 + (r.b * 5)::int % 5],
        'anonymous', array[(${topics})[1 + (r.c * 6)::int % 6]],
        (array['urgent','soon','normal','normal'])[1 + (r.d * 4)::int % 4],
        '在宅生活の相談', '在宅生活の相談（' || g || '）', '在宅生活の相談（' || g || '）', x.opened, (x.opened at time zone 'Asia/Tokyo')::date,
        case when x.closed then null else current_date + ((r.e * 60)::int - 30) end,
        case when x.closed then null else current_date + ((r.e * 60)::int - 30) end,
        case when x.closed then x.opened + interval '20 days' end,
        case when x.closed then ((x.opened + interval '20 days') at time zone 'Asia/Tokyo')::date end,
        case when x.closed then 'resolved' end, case when x.closed then x.owner end,
        case when x.closed then x.tier end, 'staff'
      from generate_series(${done + 1}::int, ${done + size}::int) g
      cross join lateral (select random() a, random() b, random() c, random() d, random() e, random() h,
                                 random() i, random() k, g as gg) r
      join bench_load_muni m on m.idx = 1 + ((r.h * ${n}::int)::int % ${n}::int)
      cross join lateral (select
        case when r.i < 0.6 then m.muni_team when r.i < 0.85 then coalesce(m.region_team, m.centre_team)
             else m.centre_team end as owner,
        case when r.i < 0.6 then 'municipality' when r.i < 0.85 and m.region_team is not null then 'region'
             else 'centre' end as tier,
        now() - (r.k * 2000) * interval '1 day' as opened,
        r.k > 0.06 as closed) x`);
  }
  await db.execute(sql`drop table bench_load_muni`);
}

/** Fills a migrated, empty database; returns the users to sign in and the values searches are drawn from. */
export async function seedLoad(db: DbOrTx, opts: LoadSeedOptions): Promise<LoadSeed> {
  const pref = opts.prefectureCode;
  const network = await generateNetwork(db, {
    seed: 1,
    prefectureCodes: [pref],
    childrenPerPrefecture: opts.children,
  });
  await generateConsultationRows(db, pref, opts.consultations);
  await generateResources(db, {
    seed: 1,
    prefectureCodes: [pref],
    perPrefecture: opts.services,
    now: new Date(),
  });
  // A freshly bulk-loaded database, as autovacuum leaves it in service: statistics, the visibility map and the
  // trigram indexes' pending entries merged (each consent written above also rewrote its child's row, migration 0025).
  await db.execute(sql`vacuum analyze`);

  const p = network.prefectures[0]!;
  const users: LoadUser[] = [];
  const add = async (role: Role, extra: Parameters<typeof makeUser>[2]) => {
    const totpSecret = role === 'municipal_staff' ? null : generateTotpSecret();
    const u = await makeUser(db, role, { prefectureCode: pref, totpSecret, ...extra }, opts.secretKey);
    users.push({ role, email: u.email, totpSecret });
  };
  // The busiest municipalities (most children) carry the municipal staff; every region its coordinator.
  const busiest = rowsOf<{ code: string }>(
    await db.execute(sql`select municipality_code code from children where prefecture_code = ${pref}
      group by 1 order by count(*) desc, 1 limit 8`),
  );
  for (let i = 0; i < 4; i++) await add('centre_staff', {});
  for (const r of p.regions.slice(0, 8)) await add('regional_coordinator', { regionId: r.id });
  for (const m of busiest) await add('municipal_staff', { municipalityCode: m.code });

  const kanaNames = rowsOf<{ k: string }>(
    await db.execute(sql`select family_kana k from children where prefecture_code = ${pref}
      group by 1 order by count(*) desc, 1 limit 200`),
  ).map((r) => r.k);
  const serviceMunicipalities = rowsOf<{ m: string }>(
    await db.execute(
      sql`select municipality_code m from resource_services group by 1 order by count(*) desc, 1`,
    ),
  ).map((r) => r.m);
  const [counts] = rowsOf<{ c: number; k: number; s: number }>(
    await db.execute(sql`select (select count(*)::int from children) c, (select count(*)::int from consultations) k,
      (select count(*)::int from resource_services) s`),
  );
  return {
    users,
    kanaNames,
    serviceMunicipalities,
    counts: { children: counts!.c, consultations: counts!.k, services: counts!.s },
  };
}
