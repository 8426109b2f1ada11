import type { ReactNode } from 'react';
import { SESSION_STATUS_LABELS, type SessionStatus } from '../../../../../src/shared/vocab/learning';
import { ApiErrorAlert, ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SelectField } from '../../../components/Field';
import { type Translate, useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import { isApiError } from '../../../lib/api';
import type { Owner } from '../../../lib/queries/learning-courses';

/** One fact of a page's summary (a <dt>/<dd> pair in the header's grid). */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-std-16B-170 text-solid-gray-700">{label}</dt>
      <dd className="text-std-16N-170 text-solid-gray-900">{children}</dd>
    </div>
  );
}

/** The owner of a course or session as a reader names it: 本部, the branch's or the region's name. */
export function ownerText(t: Translate, owner: Owner): string {
  if (owner.kind === 'hq') return t('training.owner.hq', { name: owner.name });
  return owner.name;
}

/** An owner in a list's narrow column: the HQ without the centre's long name. */
export function ownerShort(t: Translate, owner: Owner): string {
  return owner.kind === 'hq' ? t('training.owner.hqShort') : owner.name;
}

/** An owner as the value of a select: 'hq', 'centre:<id>' or 'region:<id>'. */
export function ownerValue(o: { centreId: string | null; regionId: string | null }): string {
  if (o.centreId) return `centre:${o.centreId}`;
  if (o.regionId) return `region:${o.regionId}`;
  return 'hq';
}

/** The request's owner fields from a select's value. */
export function ownerFields(value: string): { ownerCentreId: string | null; ownerRegionId: string | null } {
  if (value.startsWith('centre:')) return { ownerCentreId: value.slice(7), ownerRegionId: null };
  if (value.startsWith('region:')) return { ownerCentreId: null, ownerRegionId: value.slice(7) };
  return { ownerCentreId: null, ownerRegionId: null };
}

/** The owner picker: only the owners the caller may give (the HQ, branches, regions within its area). */
export function OwnerSelect({
  owners,
  value,
  onChange,
}: {
  owners: readonly Owner[];
  value: string;
  onChange: (v: string) => void;
}) {
  const t = useT();
  return (
    <SelectField
      label={t('training.owner')}
      hint={t('training.owner.hint')}
      value={value}
      onChange={onChange}
      options={owners.map((o) => ({ value: ownerValue(o), label: ownerText(t, o) }))}
    />
  );
}

const STATUS_STYLE: Record<SessionStatus, string> = {
  draft: 'border-solid-gray-600 bg-solid-gray-50 text-solid-gray-900',
  open: 'border-success-2 bg-green-50 text-green-900',
  closed: 'border-key-900 bg-key-50 text-key-1000',
  completed: 'border-solid-gray-600 bg-white text-solid-gray-800',
  cancelled: 'border-error-2 bg-red-50 text-error-2',
};

/** A session's state as a badge (text, not colour alone, carries the meaning). */
export function StatusBadge({ status }: { status: SessionStatus }) {
  const t = useT();
  return (
    <span
      className={`inline-block rounded-4 border px-2 py-0.5 text-dns-14B-120 whitespace-nowrap ${STATUS_STYLE[status]}`}
    >
      {vocab(t, SESSION_STATUS_LABELS, status)}
    </span>
  );
}

/**
 * The error of a save. On 409 (someone saved first) it says so and offers to take the current record — the
 * form then shows it (`onReload`) and the next save carries its version; any other error is shown as it is.
 */
export function SaveError<T extends { version: number }>({
  mutation,
  onReload,
  describe,
}: {
  mutation: { error: unknown; reset: () => void };
  onReload: (current: T) => void;
  /** What changed, in a line, from the current record (e.g. its title and state). */
  describe?: (current: T) => string;
}) {
  const t = useT();
  const { error } = mutation;
  const current = isApiError(error, 'conflict')
    ? (error.detail as { current?: T } | undefined)?.current
    : undefined;
  if (!current) return <ApiErrorAlert error={error} />;
  return (
    <ErrorAlert>
      <p>{t('training.conflict')}</p>
      {describe && <p className="mt-1">{describe(current)}</p>}
      <Button
        variant="secondary"
        className="mt-2"
        onClick={() => {
          onReload(current);
          mutation.reset();
        }}
      >
        {t('training.conflict.reload')}
      </Button>
    </ErrorAlert>
  );
}

/** The message of the field at `path` among a failed save's issues, or null. */
export function issueAt(error: unknown, path: string): string | null {
  if (!isApiError(error)) return null;
  return error.issues.find((i) => i.path === path)?.message ?? null;
}
