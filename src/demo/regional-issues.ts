/**
 * 地域課題と社会資源の開発 (docs/municipal-support.md §4–5): issues of the demo prefecture at every level — two in
 * the demo region (one raised by the demo municipality's staff), one at the prefectural council, one proposed,
 * one answered and waiting to be ended, one ended with the answer, one handled as one person's trouble, and one
 * that ended in a medical short-stay project which opened and is linked to its directory listing — each with
 * consultations as evidence and its history; and development projects at every stage with openings over three
 * 年度. Fictional; deterministic for a date. The issues and projects themselves are listed in
 * regional-issues-data.ts.
 */
import { and, asc, desc, eq, inArray, isNull, lte, ne } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  consultations,
  developmentProjects,
  engagements,
  regionalIssueConsultations,
  regionalIssueEvents,
  regionalIssues,
  regionMunicipalities,
  regions,
  resourceServices,
  users,
} from '../db/schema';
import { addDays, isoDateInJapan } from '../shared/dates';
import { nendoOf } from '../shared/nendo';
import type { IssueEventKind, IssueLevel } from '../shared/vocab/regional-issues';
import { ISSUES, type IssueSpec, PROJECTS, type Who } from './regional-issues-data';

const STAGE_FIELDS = ['advisedOn', 'paperworkOn', 'designatedOn', 'openedOn'] as const;

export async function seedRegionalIssues(
  tx: DbOrTx,
  opts: { prefectureCode: string; regionId: string; municipalityCode: string; now: Date },
): Promise<number> {
  const pref = opts.prefectureCode;
  const today = isoDateInJapan(opts.now);
  const dayAgo = (d: number) => addDays(today, -d);
  const at = (d: number) => new Date(opts.now.getTime() - d * 86_400_000);
  const userOf = async (
    role: 'centre_admin' | 'regional_coordinator' | 'centre_staff' | 'municipal_staff',
  ) => {
    const [u] = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(and(eq(users.prefectureCode, pref), eq(users.role, role)))
      .orderBy(asc(users.email))
      .limit(1);
    return u;
  };
  const who: Record<Who, { id: string; role: string } | undefined> = {
    admin: await userOf('centre_admin'),
    coordinator: await userOf('regional_coordinator'),
    branch: await userOf('centre_staff'),
    municipal: await userOf('municipal_staff'),
  };
  if (!who.admin || !who.coordinator || !who.branch || !who.municipal) return 0;
  const [other] = await tx
    .select({ id: regions.id })
    .from(regions)
    .where(and(eq(regions.prefectureCode, pref), ne(regions.id, opts.regionId)))
    .orderBy(asc(regions.sortOrder), asc(regions.name))
    .limit(1);
  const otherRegion = other?.id ?? opts.regionId;
  const placeOf = (p: IssueSpec['place']) =>
    p === 'municipality'
      ? { regionId: opts.regionId, municipalityCode: opts.municipalityCode }
      : { regionId: p === 'demoRegion' ? opts.regionId : otherRegion, municipalityCode: null };
  const membersOf = async (regionId: string) =>
    (
      await tx
        .select({ code: regionMunicipalities.municipalityCode })
        .from(regionMunicipalities)
        .where(and(eq(regionMunicipalities.regionId, regionId), isNull(regionMunicipalities.validTo)))
    ).map((m) => m.code);

  const serials = new Map<number, number>();
  const ids = new Map<string, string>();
  for (const spec of ISSUES) {
    const place = placeOf(spec.place);
    const raisedOn = dayAgo(spec.raisedAgo);
    const nendo = nendoOf(raisedOn);
    const serial = (serials.get(nendo) ?? 0) + 1;
    serials.set(nendo, serial);
    const reached = spec.steps.at(-1);
    const level = reached ? reached[0] : 'region';
    const stepOn = (l: IssueLevel) => {
      const s = spec.steps.find((x) => x[0] === l);
      return s ? dayAgo(s[1]) : null;
    };
    const [source] = spec.fromEngagement
      ? await tx
          .select({ id: engagements.id })
          .from(engagements)
          .where(
            and(
              eq(engagements.prefectureCode, pref),
              eq(engagements.municipalityCode, opts.municipalityCode),
              eq(engagements.status, 'held'),
              inArray(engagements.kind, ['hearing', 'four_division']),
              lte(engagements.occurredOn, raisedOn),
            ),
          )
          .orderBy(desc(engagements.occurredOn), asc(engagements.id))
          .limit(1)
      : [];
    const [row] = await tx
      .insert(regionalIssues)
      .values({
        prefectureCode: pref,
        nendo,
        serial,
        title: spec.title,
        description: spec.description,
        ...place,
        careItem: spec.careItem,
        level,
        status: spec.closed ? 'closed' : 'open',
        outcome: spec.closed?.[0] ?? null,
        closedOn: spec.closed ? dayAgo(spec.closed[1]) : null,
        councilOn: stepOn('prefecture_council'),
        proposalText: spec.steps.find((s) => s[0] === 'proposal')?.[2] ?? null,
        proposedOn: stepOn('proposal'),
        answerText: spec.steps.find((s) => s[0] === 'answered')?.[2] ?? null,
        answeredOn: stepOn('answered'),
        nextStep: spec.nextStep?.[0] ?? null,
        nextStepOn: spec.nextStep ? addDays(today, spec.nextStep[1]) : null,
        ownerUserId: who[spec.owner]!.id,
        raisedBy: who[spec.raisedBy]!.id,
        raisedOn,
        ...(source ? { sourceKind: 'hearing' as const, sourceId: source.id } : {}),
        createdAt: at(spec.raisedAgo),
        updatedAt: at(spec.closed?.[1] ?? reached?.[1] ?? spec.raisedAgo),
        updatedBy: who[spec.owner]!.id,
      })
      .returning({ id: regionalIssues.id });
    const issueId = row!.id;
    ids.set(spec.title, issueId);
    const event = async (
      by: Who,
      daysAgo: number,
      kind: IssueEventKind,
      more: { from?: IssueLevel; to?: IssueLevel; note?: string | null; refId?: string } = {},
    ) => {
      await tx.insert(regionalIssueEvents).values({
        issueId,
        at: at(daysAgo),
        byUserId: who[by]!.id,
        byRole: who[by]!.role,
        kind,
        fromLevel: more.from ?? null,
        toLevel: more.to ?? null,
        note: more.note ?? null,
        refId: more.refId ?? null,
      });
    };
    await event(spec.raisedBy, spec.raisedAgo, 'raised', { to: 'region' });
    // Evidence: the newest consultations of the issue's area opened before it was raised.
    const codes = place.municipalityCode ? [place.municipalityCode] : await membersOf(place.regionId);
    const linked = codes.length
      ? await tx
          .select({ id: consultations.id })
          .from(consultations)
          .where(and(eq(consultations.prefectureCode, pref), inArray(consultations.municipalityCode, codes)))
          .orderBy(desc(consultations.openedOn), asc(consultations.caseSerial))
          .limit(spec.evidence)
      : [];
    for (const c of linked) {
      await tx.insert(regionalIssueConsultations).values({
        issueId,
        consultationId: c.id,
        linkedBy: who[spec.raisedBy]!.id,
        linkedAt: at(spec.raisedAgo),
      });
      await event(spec.raisedBy, spec.raisedAgo, 'consultation_linked', { refId: c.id });
    }
    let from: IssueLevel = 'region';
    for (const [to, ago, text] of spec.steps) {
      const by: Who = to === 'prefecture_council' && spec.place !== 'otherRegion' ? 'coordinator' : 'admin';
      if (to === 'answered') await event('admin', ago, 'answered', { from, to, note: text });
      else await event(by, ago, 'carried_up', { from, to, note: text });
      from = to;
    }
    if (spec.closed && spec.closed[0] !== 'development') {
      await event(spec.owner, spec.closed[1], 'closed', { from, note: spec.closed[2] });
    }
  }

  // Projects: the listing of the one that came from an issue is a medical short stay of the demo region.
  const demoCodes = await membersOf(opts.regionId);
  const shortStay = (codes: string[] | null) =>
    tx
      .select({ id: resourceServices.id })
      .from(resourceServices)
      .where(
        and(
          eq(resourceServices.prefectureCode, pref),
          codes ? inArray(resourceServices.municipalityCode, codes) : undefined,
          eq(resourceServices.type, 'medical_short_stay'),
        ),
      )
      .orderBy(asc(resourceServices.name))
      .limit(1);
  const [listing] = (demoCodes.length ? await shortStay(demoCodes) : []).concat(await shortStay(null));
  for (const p of PROJECTS) {
    const place = placeOf(p.place);
    const dates = Object.fromEntries(
      STAGE_FIELDS.map((f, i) => [f, p.days[i] !== undefined ? dayAgo(p.days[i]!) : null]),
    );
    const issueId = p.fromIssue ? (ids.get(p.fromIssue) ?? null) : null;
    const keeper = p.place === 'otherRegion' ? who.admin : who.coordinator;
    const [row] = await tx
      .insert(developmentProjects)
      .values({
        prefectureCode: pref,
        kind: p.kind,
        title: p.title,
        ...place,
        operatorName: p.operatorName,
        stage: p.stage,
        ...dates,
        places: p.places,
        resourceServiceId: p.listing ? (listing?.id ?? null) : null,
        issueId,
        nextStep: p.nextStep ?? null,
        nextStepOn: p.nextStep ? addDays(today, 20) : null,
        ownerUserId: keeper.id,
        createdBy: keeper.id,
        createdAt: at(p.days[0]!),
        updatedAt: at(p.days.at(-1)!),
      })
      .returning({ id: developmentProjects.id });
    if (issueId) {
      await tx.insert(regionalIssueEvents).values({
        issueId,
        at: at(p.days[0]!),
        byUserId: who.coordinator.id,
        byRole: who.coordinator.role,
        kind: 'project_started',
        fromLevel: 'prefecture_council',
        note: p.title,
        refId: row!.id,
      });
    }
  }
  return ISSUES.length;
}
