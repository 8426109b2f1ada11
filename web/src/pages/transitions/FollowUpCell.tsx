import { Link } from '@tanstack/react-router';
import { FOLLOW_UP_STATUS_LABELS, FOLLOW_UP_STATUSES } from '../../../../src/shared/vocab/transitions';
import { buttonClass } from '../../components/Button';
import { Td } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab, vocabOptions } from '../../i18n/vocab';
import { errorMessage, isApiError } from '../../lib/api';
import { formatNendo, fullName } from '../../lib/format';
import { useSession } from '../../lib/queries/auth';
import {
  type FollowUp,
  type TransitionChild,
  type TransitionKind,
  useSetFollowUp,
  useTransitionOwners,
} from '../../lib/queries/transitions';
import { recordsConsultations } from '../consultations/access';

const SELECT =
  'block min-h-11 w-full min-w-36 rounded-8 border border-solid-gray-600 bg-white px-2 py-1 text-std-16N-170 focus-visible:outline-4 focus-visible:outline-focus-yellow';

const NOT_STARTED: FollowUp = {
  status: 'not_started',
  ownerUserId: null,
  ownerName: null,
  updatedAt: null,
  version: 0,
};

/**
 * A row's follow-up: its status and owner, changed in place by those who keep the registry (read-only for
 * the others), and 相談を始める — the consultation intake with the child and a subject filled in.
 */
export function FollowUpCells({
  child,
  kind,
  nendo,
}: {
  child: TransitionChild;
  kind: TransitionKind;
  nendo: number;
}) {
  const t = useT();
  const { locale } = useLocale();
  const owners = useTransitionOwners();
  const role = useSession().data?.user?.role;
  const mayConsult = role ? recordsConsultations(role) : false;
  const save = useSetFollowUp(child.id);
  const f = child.followUp ?? NOT_STARTED;
  const name = fullName(child.familyName, child.givenName);
  const canEdit = owners.data?.canEdit ?? false;
  const set = (patch: Partial<Pick<FollowUp, 'status' | 'ownerUserId'>>) =>
    save.mutate({
      nendo,
      kind,
      status: patch.status ?? f.status,
      ownerUserId: patch.ownerUserId === undefined ? f.ownerUserId : patch.ownerUserId,
      version: f.version,
    });
  const people = owners.data?.people ?? [];
  // The current owner stays a choice even when no longer offered (e.g. disabled since).
  const ownerOptions =
    f.ownerUserId && !people.some((p) => p.id === f.ownerUserId)
      ? [{ id: f.ownerUserId, name: f.ownerName ?? t('common.none') }, ...people]
      : people;
  const subject = t('transitions.consultSubject', {
    nendo: formatNendo(nendo, locale),
    kind: t(`transition.kind.${kind}`),
  });
  return (
    <>
      <Td>
        {canEdit ? (
          <select
            className={SELECT}
            aria-label={t('transitions.followUpOf', { name })}
            value={f.status}
            disabled={save.isPending}
            onChange={(e) => set({ status: e.target.value as FollowUp['status'] })}
          >
            {vocabOptions(t, FOLLOW_UP_STATUSES, FOLLOW_UP_STATUS_LABELS).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ) : (
          vocab(t, FOLLOW_UP_STATUS_LABELS, f.status)
        )}
        {save.isError && (
          <p role="alert" className="mt-1 text-dns-14N-130 text-error-1">
            {isApiError(save.error, 'conflict')
              ? t('transitions.followUpConflict')
              : errorMessage(save.error, locale)}
          </p>
        )}
      </Td>
      <Td>
        {canEdit ? (
          <select
            className={SELECT}
            aria-label={t('transitions.ownerOf', { name })}
            value={f.ownerUserId ?? ''}
            disabled={save.isPending}
            onChange={(e) => set({ ownerUserId: e.target.value || null })}
          >
            <option value="">{t('transitions.noOwner')}</option>
            {ownerOptions.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        ) : (
          (f.ownerName ?? t('transitions.noOwner'))
        )}
      </Td>
      <Td>
        {mayConsult ? (
          <Link
            to="/consultations/new"
            search={{ childId: child.id, subject } as never}
            className={buttonClass('secondary', 'whitespace-nowrap no-underline')}
            aria-label={t('transitions.startConsultationFor', { name })}
          >
            {t('transitions.startConsultation')}
          </Link>
        ) : (
          t('common.none')
        )}
      </Td>
    </>
  );
}
