import { useState } from 'react';
import {
  MAIL_KIND_LABELS,
  MAIL_PROBLEM_LABELS,
  MAIL_STATUS_LABELS,
  MAIL_STATUSES,
  type MailStatus,
} from '../../../../src/shared/vocab/mail';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab, vocabOptions } from '../../i18n/vocab';
import { formatDateTime } from '../../lib/format';
import { type OutboxMessage, useBounces, useOutbox, useResend } from '../../lib/queries/mail';
import { BouncingAddresses, RecordBounce } from './MailBounces';

/** A message's state in words: status, and why it is not delivered (with the relay's own answer). */
function Delivery({ m }: { m: OutboxMessage }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <>
      <span className="font-bold">{vocab(t, MAIL_STATUS_LABELS, m.status)}</span>
      <dl className="mt-1 text-dns-14N-130 text-solid-gray-700">
        <div>
          <dt className="inline">{t('outbox.attempts')}: </dt>
          <dd className="inline">{t('outbox.attemptsValue', { n: m.attempts })}</dd>
        </div>
        {m.nextAttemptAt && (
          <div>
            <dt className="inline">{t('outbox.nextAttempt')}: </dt>
            <dd className="inline">{formatDateTime(m.nextAttemptAt, locale)}</dd>
          </div>
        )}
        {m.sentAt && (
          <div>
            <dt className="inline">{t('outbox.sentAt')}: </dt>
            <dd className="inline">{formatDateTime(m.sentAt, locale)}</dd>
          </div>
        )}
        {m.problem && (
          <div>
            <dt className="inline">{t('outbox.problem')}: </dt>
            <dd className="inline">{vocab(t, MAIL_PROBLEM_LABELS, m.problem)}</dd>
          </div>
        )}
        {m.lastError && (
          <div>
            <dt className="inline">{t('outbox.relayAnswer')}: </dt>
            <dd className="inline break-all">{m.lastError}</dd>
          </div>
        )}
      </dl>
    </>
  );
}

/** The outbox for administrators: what was mailed, what is waiting, what bounced, and resending (decision 0028). */
export function OutboxPage() {
  const t = useT();
  const { locale } = useLocale();
  const [status, setStatus] = useState<MailStatus | ''>('');
  const outbox = useOutbox(status);
  const bounces = useBounces();
  const resend = useResend();
  const [message, setMessage] = useState<string | null>(null);

  return (
    <Page title={t('outbox.title')} intro={t('outbox.intro')}>
      <QueryState query={outbox}>
        {(box) => (
          <>
            {!box.mailOn && (
              <p className="mb-4 rounded-8 border border-solid-gray-420 p-4 text-std-16N-170">
                {t('outbox.mailOff')}
              </p>
            )}
            <StatusMessage>{message}</StatusMessage>
            <ApiErrorAlert error={resend.error} />
            {bounces.data && <BouncingAddresses addresses={bounces.data.addresses} onCleared={setMessage} />}
            <div className="mb-4 flex flex-wrap items-end gap-6">
              <SelectField
                label={t('outbox.status')}
                value={status}
                onChange={(v) => setStatus(v as MailStatus | '')}
                options={vocabOptions(t, MAIL_STATUSES, MAIL_STATUS_LABELS)}
                emptyLabel={t('outbox.statusAll')}
                wrapperClassName="mb-0 max-w-xs"
              />
              <p className="text-std-16N-170">
                <span className="sr-only">{t('outbox.counts')}: </span>
                {MAIL_STATUSES.map((s) => `${vocab(t, MAIL_STATUS_LABELS, s)} ${box.counts[s] ?? 0}`).join(
                  ' ・ ',
                )}
              </p>
            </div>
            {box.messages.length === 0 ? (
              <p className="text-std-16N-170">{t('outbox.empty')}</p>
            ) : (
              <Table caption={t('outbox.title')} captionHidden>
                <thead>
                  <tr>
                    <Th className="min-w-48">{t('outbox.to')}</Th>
                    <Th className="min-w-48">{t('outbox.subject')}</Th>
                    <Th className="min-w-56">{t('outbox.status')}</Th>
                    <Th>{t('common.actions')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {box.messages.map((m) => (
                    <tr key={m.id}>
                      <RowTh>
                        <span className="font-bold">{m.toName}</span>
                        <span className="block break-all text-dns-14N-130 text-solid-gray-700">
                          {m.toAddress ?? t('outbox.noAddress')}
                        </span>
                      </RowTh>
                      <Td>
                        {m.subject}
                        <span className="block text-dns-14N-130 text-solid-gray-700">
                          {vocab(t, MAIL_KIND_LABELS, m.kind)} ・ {t('outbox.created')}{' '}
                          {formatDateTime(m.createdAt, locale)}
                        </span>
                      </Td>
                      <Td>
                        <Delivery m={m} />
                      </Td>
                      <Td>
                        {m.canResend && (
                          <Button
                            variant="secondary"
                            disabled={resend.isPending}
                            onClick={() => {
                              setMessage(null);
                              resend.mutate(m.id, {
                                onSuccess: () =>
                                  setMessage(t('outbox.resent', { to: m.toAddress ?? m.toName })),
                              });
                            }}
                          >
                            {t('outbox.resend')}
                          </Button>
                        )}
                        {m.status === 'sent' && m.toAddress && <RecordBounce m={m} />}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </>
        )}
      </QueryState>
    </Page>
  );
}
