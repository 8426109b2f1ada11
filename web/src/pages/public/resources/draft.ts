import type { DisasterSupport } from '../../../../../src/shared/vocab/disaster-events';
import type {
  Acceptance,
  ProviderEdit,
  Schedule,
  Service,
  ServiceStatus,
  Weekday,
} from '../../../lib/queries/resources-public';

/**
 * The editable fields of a listing as form state (text for numbers, '' for unknown) and back. Shared by the
 * provider's self-update page and the staff form, which adds the fields only staff set.
 */

export type CareDraft = Record<string, { acceptance: Acceptance | ''; conditions: string }>;
export type TriState = '' | 'yes' | 'no';
export type ScheduleDraft = {
  key: number;
  byday: Weekday[];
  opensAt: string;
  closesAt: string;
  note: string;
};

export type ProviderDraft = {
  description: string;
  howToApply: string;
  eligibilityDescription: string;
  feesDescription: string;
  minAge: string;
  maxAge: string;
  capacity: string;
  vacancy: string;
  transport: TriState;
  transportNote: string;
  bathing: TriState;
  bathingNote: string;
  /** What the listing offers in a disaster (docs/disaster.md §6). */
  disasterSupport: DisasterSupport[];
  disasterNote: string;
  phone: string;
  email: string;
  website: string;
  schedules: ScheduleDraft[];
  careItems: CareDraft;
  status: ServiceStatus;
};

let scheduleKey = 0;
export const nextScheduleKey = () => ++scheduleKey;

const str = (v: string | null | undefined) => v ?? '';
const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const tri = (v: boolean | null | undefined): TriState => (v === true ? 'yes' : v === false ? 'no' : '');

type ProviderSource = Pick<
  Service,
  | 'description'
  | 'howToApply'
  | 'eligibilityDescription'
  | 'feesDescription'
  | 'minAge'
  | 'maxAge'
  | 'capacity'
  | 'vacancy'
  | 'transport'
  | 'transportNote'
  | 'bathing'
  | 'bathingNote'
  | 'disasterSupport'
  | 'disasterNote'
  | 'phone'
  | 'email'
  | 'website'
  | 'schedules'
  | 'careItems'
  | 'status'
>;

export function emptyProviderDraft(): ProviderDraft {
  return {
    description: '',
    howToApply: '',
    eligibilityDescription: '',
    feesDescription: '',
    minAge: '',
    maxAge: '',
    capacity: '',
    vacancy: '',
    transport: '',
    transportNote: '',
    bathing: '',
    bathingNote: '',
    disasterSupport: [],
    disasterNote: '',
    phone: '',
    email: '',
    website: '',
    schedules: [],
    careItems: {},
    status: 'active',
  };
}

export function providerDraftOf(s: ProviderSource): ProviderDraft {
  const careItems: CareDraft = {};
  for (const c of s.careItems)
    careItems[c.code] = { acceptance: c.acceptance, conditions: str(c.conditions) };
  return {
    description: str(s.description),
    howToApply: str(s.howToApply),
    eligibilityDescription: str(s.eligibilityDescription),
    feesDescription: str(s.feesDescription),
    minAge: num(s.minAge),
    maxAge: num(s.maxAge),
    capacity: num(s.capacity),
    vacancy: num(s.vacancy),
    transport: tri(s.transport),
    transportNote: str(s.transportNote),
    bathing: tri(s.bathing),
    bathingNote: str(s.bathingNote),
    disasterSupport: [...s.disasterSupport],
    disasterNote: str(s.disasterNote),
    phone: str(s.phone),
    email: str(s.email),
    website: str(s.website),
    schedules: s.schedules.map((x) => ({
      key: nextScheduleKey(),
      byday: [...x.byday],
      opensAt: str(x.opensAt),
      closesAt: str(x.closesAt),
      note: str(x.note),
    })),
    careItems,
    status: s.status,
  };
}

const textOrNull = (v: string) => (v.trim() ? v.trim() : null);
const intOrNull = (v: string) => {
  const t = v.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!t) return null;
  const n = Number(t);
  // A non-number is sent as is so the server names the field in its validation error.
  return Number.isFinite(n) ? n : (t as unknown as number);
};
const triToBool = (v: TriState) => (v === 'yes' ? true : v === 'no' ? false : null);

export function providerEditOf(d: ProviderDraft): ProviderEdit {
  const schedules: Schedule[] = d.schedules
    .filter((x) => x.byday.length > 0)
    .map((x) => ({
      byday: x.byday,
      opensAt: textOrNull(x.opensAt),
      closesAt: textOrNull(x.closesAt),
      note: textOrNull(x.note),
    }));
  const careItems = Object.entries(d.careItems)
    .filter(([, v]) => v.acceptance !== '')
    .map(([code, v]) => ({
      code,
      acceptance: v.acceptance as Acceptance,
      conditions: v.acceptance === 'accepted_with_conditions' ? textOrNull(v.conditions) : null,
    }));
  return {
    description: textOrNull(d.description),
    howToApply: textOrNull(d.howToApply),
    eligibilityDescription: textOrNull(d.eligibilityDescription),
    feesDescription: textOrNull(d.feesDescription),
    minAge: intOrNull(d.minAge),
    maxAge: intOrNull(d.maxAge),
    capacity: intOrNull(d.capacity),
    vacancy: intOrNull(d.vacancy),
    transport: triToBool(d.transport),
    transportNote: textOrNull(d.transportNote),
    bathing: triToBool(d.bathing),
    bathingNote: textOrNull(d.bathingNote),
    disasterSupport: d.disasterSupport,
    disasterNote: textOrNull(d.disasterNote),
    phone: textOrNull(d.phone),
    email: textOrNull(d.email),
    website: textOrNull(d.website),
    schedules,
    careItems,
    status: d.status,
  };
}
