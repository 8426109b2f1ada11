/**
 * A story's source: a consultation, an engagement or a council meeting, named by kind and id. Each is read
 * through its own module's scope — the consultations module's teams, the engagements' area, the councils'
 * bodies — so a reader sees the link only when they may see the source (otherwise "written from a
 * consultation" and nothing more), and a writer may start a story only from a source they see (404 otherwise).
 *
 * Writing from a source pre-fills the form with what carries no personal data: the codes (topics, life
 * element, what was asked, what the municipality did), the area, who solved it, the day, and for engagements
 * and meetings their notes and public minutes with every finding of the personal-data check masked as 〇〇. A
 * consultation's narrative is never copied. The source's people (the child, guardians, the asker, attendees)
 * are read without the reader's scope, only to look for them in the story (`unsafeKnownPersonalData`).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  childGuardians,
  children,
  consultations,
  consultationTeams,
  type councilBodies,
  councilMeetings,
  councilMembers,
  engagements,
  regionMunicipalities,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import { formatCaseNumber } from '../../shared/case-number';
import { isoDateInJapan } from '../../shared/dates';
import { ENGAGEMENT_KIND_LABELS, SUPPORT_FIELD_LABELS, SUPPORT_FIELDS } from '../../shared/vocab/engagements';
import type { GoodPracticeSourceKind } from '../../shared/vocab/good-practices';
import type { Actor } from '../access/actor';
import { consultationScope } from '../consultations/scope';
import { actorTeams } from '../consultations/teams';
import { readableMeeting } from '../councils/meetings';
import { councilPolicyFor } from '../councils/scope';
import { engagementPolicyFor, municipalityScope } from '../engagements/scope';
import { type KnownPersonalData, maskPersonalData, NO_KNOWN_DATA } from './personal-data';

export type SourceRef = { kind: GoodPracticeSourceKind; id: string };

type Loaded =
  | { kind: 'consultation'; row: typeof consultations.$inferSelect }
  | { kind: 'engagement'; row: typeof engagements.$inferSelect }
  | {
      kind: 'council_meeting';
      row: typeof councilMeetings.$inferSelect;
      body: typeof councilBodies.$inferSelect;
    };

/** The source as the actor may see it, or null. */
async function load(db: DbOrTx, actor: Actor, ref: SourceRef, today: string): Promise<Loaded | null> {
  if (!isUuid(ref.id) || !actor.prefectureCode) return null;
  switch (ref.kind) {
    case 'consultation': {
      const teams = await actorTeams(db, actor);
      const scope = consultationScope(
        actor,
        teams.map((t) => t.id),
      );
      const [row] = await db
        .select()
        .from(consultations)
        .where(and(eq(consultations.id, ref.id), scope));
      return row ? { kind: 'consultation', row } : null;
    }
    case 'engagement': {
      const policy = await engagementPolicyFor(db, actor);
      if (policy.area.kind === 'none') return null;
      const [row] = await db
        .select()
        .from(engagements)
        .where(
          and(
            eq(engagements.id, ref.id),
            eq(engagements.prefectureCode, actor.prefectureCode),
            municipalityScope(policy, engagements.municipalityCode),
          ),
        );
      return row ? { kind: 'engagement', row } : null;
    }
    case 'council_meeting': {
      const policy = await councilPolicyFor(db, actor);
      try {
        const { meeting, body } = await readableMeeting(db, policy, ref.id, today);
        return { kind: 'council_meeting', row: meeting, body };
      } catch (e) {
        if (e instanceof AppError) return null;
        throw e;
      }
    }
  }
}

/** How a story names its source to this reader: a label and a link only when the reader sees the source. */
export async function sourceView(db: DbOrTx, actor: Actor, ref: SourceRef | null, today: string) {
  if (!ref) return null;
  const s = await load(db, actor, ref, today);
  if (!s) return { kind: ref.kind, id: null, label: null, visible: false };
  return { kind: ref.kind, id: ref.id, label: labelOf(s), visible: true };
}

function labelOf(s: Loaded): string {
  switch (s.kind) {
    case 'consultation':
      return `${formatCaseNumber(s.row.caseNendo, s.row.caseSerial)} ${s.row.subject}`;
    case 'engagement':
      return `${ENGAGEMENT_KIND_LABELS[s.row.kind].ja} ${s.row.occurredOn} ${s.row.subject}`;
    case 'council_meeting':
      return `${s.body.name} ${s.row.title}`;
  }
}

/** A source the writer may see (404 otherwise, as for an unknown id). */
export async function visibleSource(db: DbOrTx, actor: Actor, ref: SourceRef, today: string): Promise<void> {
  if (!(await load(db, actor, ref, today))) throw new AppError('not_found');
}

/** The current region of a municipality of the prefecture, or null. */
export async function regionOfMunicipality(db: DbOrTx, code: string): Promise<string | null> {
  const [m] = await db
    .select({ regionId: regionMunicipalities.regionId })
    .from(regionMunicipalities)
    .where(and(eq(regionMunicipalities.municipalityCode, code), isNull(regionMunicipalities.validTo)));
  return m?.regionId ?? null;
}

/**
 * The people of a source, read without the reader's scope: only to look for them in a story, never shown
 * (the check's flags show what the story itself says).
 */
export async function unsafeKnownPersonalData(db: DbOrTx, ref: SourceRef | null): Promise<KnownPersonalData> {
  if (!ref || !isUuid(ref.id)) return NO_KNOWN_DATA;
  const known: KnownPersonalData = { people: [], names: [], birthDates: [], addresses: [], phones: [] };
  if (ref.kind === 'consultation') {
    const [c] = await db
      .select({ childId: consultations.childId, askerContact: consultations.askerContact })
      .from(consultations)
      .where(eq(consultations.id, ref.id));
    if (!c) return known;
    if (c.askerContact) addFreeText(known, c.askerContact);
    if (c.childId) {
      const [child] = await db.select().from(children).where(eq(children.id, c.childId));
      if (child) {
        known.people.push({
          family: child.familyName,
          given: child.givenName,
          familyKana: child.familyKana,
          givenKana: child.givenKana,
        });
        known.birthDates.push(child.birthDate);
        if (child.address) known.addresses.push(child.address);
      }
      const guardians = await db.select().from(childGuardians).where(eq(childGuardians.childId, c.childId));
      for (const g of guardians) {
        known.people.push({
          family: g.familyName,
          given: g.givenName,
          familyKana: g.familyKana,
          givenKana: g.givenKana,
        });
        if (g.phone) known.phones.push(g.phone);
        if (g.address) known.addresses.push(g.address);
      }
    }
  } else if (ref.kind === 'engagement') {
    const [e] = await db
      .select({ attendees: engagements.attendees })
      .from(engagements)
      .where(eq(engagements.id, ref.id));
    if (e?.attendees) addFreeText(known, e.attendees);
  } else {
    const members = await db
      .select({ name: councilMembers.name })
      .from(councilMembers)
      .innerJoin(councilMeetings, eq(councilMeetings.bodyId, councilMembers.bodyId))
      .where(eq(councilMeetings.id, ref.id));
    for (const m of members) known.names.push(m.name);
  }
  return known;
}

/** Names and telephone numbers in a free-text field (an asker's contact, a list of attendees). */
function addFreeText(known: KnownPersonalData, text: string): void {
  const folded = text.normalize('NFKC');
  for (const m of folded.matchAll(/0\d[\d-]{8,12}/g)) known.phones.push(m[0]);
  for (const token of folded.replace(/[（(][^)）]*[)）]/g, ' ').split(/[、,，/／・\s]+/)) {
    const t = token.replace(/(さん|様|氏|課長|係長|主任|主査)$/u, '');
    if (t.length < 2 || t.length > 8 || /\d/.test(t)) continue;
    if (/(課|係|室|所|センター|市|町|村|県|部|局|院|園|校|会|法人|ステーション|師|士|員|者|長|当)$/u.test(t))
      continue;
    known.names.push(t);
  }
}

/** What a new story from this source starts with (no personal data: codes, area, masked notes). */
export async function prefillFrom(db: DbOrTx, actor: Actor, ref: SourceRef, today: string) {
  const s = await load(db, actor, ref, today);
  if (!s) throw new AppError('not_found');
  const known = await unsafeKnownPersonalData(db, ref);
  const mask = (t: string | null | undefined) => (t ? maskPersonalData(t, known) : '');
  const base = {
    sourceKind: ref.kind,
    sourceId: ref.id,
    sourceLabel: labelOf(s),
    title: '',
    summary: '',
    topics: [] as string[],
    lifeElements: [] as string[],
    requests: [] as string[],
    municipalActions: [] as string[],
    municipalityCode: null as string | null,
    regionId: null as string | null,
    solverMunicipalityCode: null as string | null,
    solverText: null as string | null,
    solvedOn: null as string | null,
    body: '',
  };
  switch (s.kind) {
    case 'consultation': {
      const [team] = s.row.resolvedTeamId
        ? await db
            .select({ name: consultationTeams.name })
            .from(consultationTeams)
            .where(eq(consultationTeams.id, s.row.resolvedTeamId))
        : [];
      return {
        ...base,
        title: mask(s.row.subject),
        topics: s.row.topics,
        municipalityCode: s.row.municipalityCode,
        regionId: await regionOfMunicipality(db, s.row.municipalityCode),
        solverText: team?.name ?? null,
        solvedOn: s.row.closedOn,
        body: SKELETON,
      };
    }
    case 'engagement': {
      const r = s.row;
      const notes = SUPPORT_FIELDS.map((f) => [f, mask(r.analysisNotes[f])] as const).filter(([, t]) => t);
      const body = [
        notes.length
          ? notes.map(([f, t]) => `## ${SUPPORT_FIELD_LABELS[f].ja}\n\n${t}`).join('\n\n')
          : SKELETON.trim(),
        r.notes ? `## 記録から\n\n${mask(r.notes)}` : '',
        r.goodExampleNote ? `## 好事例とした理由\n\n${mask(r.goodExampleNote)}` : '',
      ]
        .filter(Boolean)
        .join('\n\n');
      return {
        ...base,
        title: mask(r.subject),
        lifeElements: r.lifeElement ? [r.lifeElement] : [],
        requests: r.request ? [r.request] : [],
        municipalActions: r.municipalAction ? [r.municipalAction] : [],
        municipalityCode: r.municipalityCode,
        regionId: await regionOfMunicipality(db, r.municipalityCode),
        solverMunicipalityCode: r.municipalityCode,
        solvedOn: r.occurredOn,
        body: `${body}\n`,
      };
    }
    case 'council_meeting':
      return {
        ...base,
        title: mask(s.row.title),
        regionId: s.body.ownerRegionId,
        solvedOn: isoDateInJapan(s.row.startsAt),
        body: s.row.minutesPublic
          ? `## 会議で共有されたこと\n\n${mask(s.row.minutesPublic)}\n\n${SKELETON}`
          : SKELETON,
      };
  }
}

/** The sections a story is written in (状況 → 課題 → 取り組み → 結果 → ポイント). */
export const SKELETON = `## どんな状況だったか

## 何が課題だったか

## どう取り組んだか

## 結果

## ほかの地域で試すときのポイント
`;
