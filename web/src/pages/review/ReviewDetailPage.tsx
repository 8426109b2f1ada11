import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { REGISTRATION_STATUS_LABELS } from '../../../../src/shared/vocab/registry';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextAreaField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { isApiError } from '../../lib/api';
import { fullName } from '../../lib/format';
import {
  type DecisionRequest,
  type Suggestion,
  useDecideRegistration,
  useRegistration,
} from '../../lib/queries/registrations';
import { NotFoundPage } from '../NotFoundPage';
import { RegistrationView } from './RegistrationView';
import { SuggestionCard } from './SuggestionCard';

type Pending =
  | { action: 'accept' }
  | { action: 'merge'; suggestion: Suggestion }
  | { action: 'reject'; reason: string };

/**
 * One registration beside the existing records it may match. The reviewer accepts it as a new record,
 * merges it into one of the suggested records, or rejects it; each asks for confirmation first.
 */
export function ReviewDetailPage() {
  const t = useT();
  const navigate = useNavigate();
  const { registrationId } = useParams({ from: '/app/registry/review/$registrationId' });
  const query = useRegistration(registrationId);
  const decide = useDecideRegistration(registrationId);
  const [pending, setPending] = useState<Pending | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;

  const confirm = () => {
    if (!pending) return;
    const request: DecisionRequest =
      pending.action === 'merge'
        ? { action: 'merge', childId: pending.suggestion.child.id, version: pending.suggestion.child.version }
        : pending.action === 'reject'
          ? { action: 'reject', reason: pending.reason }
          : { action: 'accept' };
    setPending(null);
    decide.mutate(request, {
      onSuccess: (res) => {
        if (res.childId) void navigate({ to: '/children/$childId', params: { childId: res.childId } });
        else void navigate({ to: '/registry/review', search: {} });
      },
    });
  };

  const message =
    pending?.action === 'merge'
      ? t('review.confirmMerge', {
          name: fullName(pending.suggestion.child.familyName, pending.suggestion.child.givenName),
        })
      : pending?.action === 'reject'
        ? t('review.confirmReject')
        : t('review.confirmAccept');

  return (
    <Page title={t('review.detailTitle')}>
      <p className="mb-6">
        <Link to="/registry/review" search={{}} className="inline-flex min-h-11 items-center">
          {t('review.back')}
        </Link>
      </p>
      <QueryState query={query}>
        {(detail) => {
          const canDecide = detail.can.decide && !decide.isPending;
          return (
            <>
              {decide.error && <ApiErrorAlert error={decide.error} />}
              {!detail.can.decide && (
                <StatusMessage tone="info">
                  {t('review.decided', {
                    status: vocab(t, REGISTRATION_STATUS_LABELS, detail.registration.status),
                  })}
                  {detail.registration.childId && (
                    <Link
                      to="/children/$childId"
                      params={{ childId: detail.registration.childId }}
                      className="ml-3 inline-flex min-h-11 items-center"
                    >
                      {t('review.openRecord')}
                    </Link>
                  )}
                </StatusMessage>
              )}
              <div className="grid grid-cols-1 gap-8 lg:grid-cols-2">
                <div>
                  <RegistrationView detail={detail} />
                </div>
                <div>
                  <Section id="review-suggestions" title={t('review.suggestions')}>
                    {detail.suggestions.length === 0 ? (
                      <p>{detail.can.decide ? t('review.noSuggestions') : t('review.suggestionsClosed')}</p>
                    ) : (
                      detail.suggestions.map((s, i) => (
                        <SuggestionCard
                          key={s.child.id}
                          index={i}
                          suggestion={s}
                          detail={detail}
                          canDecide={canDecide}
                          onMerge={(suggestion) => setPending({ action: 'merge', suggestion })}
                        />
                      ))
                    )}
                  </Section>
                </div>
              </div>
              {detail.can.decide && (
                <Section id="review-decision" title={t('review.decision')}>
                  <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('review.decisionIntro')}</p>
                  <div className="mb-8 flex flex-wrap gap-3">
                    <Button disabled={!canDecide} onClick={() => setPending({ action: 'accept' })}>
                      {t('review.accept')}
                    </Button>
                  </div>
                  <TextAreaField
                    label={t('review.rejectReason')}
                    value={reason}
                    onChange={(v) => {
                      setReason(v);
                      setReasonError(null);
                    }}
                    hint={t('review.rejectHint')}
                    error={reasonError}
                  />
                  <Button
                    variant="danger"
                    disabled={!canDecide}
                    onClick={() => {
                      if (!reason.trim()) setReasonError(t('register.error.required'));
                      else setPending({ action: 'reject', reason: reason.trim() });
                    }}
                  >
                    {t('review.reject')}
                  </Button>
                </Section>
              )}
            </>
          );
        }}
      </QueryState>
      <ConfirmDialog
        open={pending !== null}
        message={message}
        confirmLabel={
          pending?.action === 'merge'
            ? t('review.merge')
            : pending?.action === 'reject'
              ? t('review.reject')
              : t('review.accept')
        }
        danger={pending?.action === 'reject'}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      />
    </Page>
  );
}
