import { useState } from 'react';
import { PROFESSION_LABELS } from '../../../../../src/shared/vocab/learning';
import {
  SIGN_UP_STATUS_LABELS,
  SIGN_UP_STATUSES,
  type SignUpStatus,
} from '../../../../../src/shared/vocab/learning-learners';
import { ApiErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SelectField } from '../../../components/Field';
import { QueryState } from '../../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../../components/Table';
import { useT } from '../../../i18n';
import { vocab, vocabOptions } from '../../../i18n/vocab';
import { formatDateTime } from '../../../lib/format';
import { type SignUpRow, useDecideSignUp, useSignUps } from '../../../lib/queries/learning-learners';

/** The learners' own sign-ups waiting for the centre's confirmation, oldest first; and those decided. */
export function SignUpQueue() {
  const t = useT();
  const [status, setStatus] = useState<SignUpStatus>('pending');
  const list = useSignUps(status);
  const decide = useDecideSignUp();
  const [done, setDone] = useState<string | null>(null);
  const act = (row: SignUpRow, decision: 'approve' | 'reject') =>
    decide.mutate(
      { id: row.id, decision, version: row.version },
      {
        onSuccess: () =>
          setDone(
            t(decision === 'approve' ? 'learners.queue.approved' : 'learners.queue.rejected', {
              name: row.displayName,
            }),
          ),
      },
    );
  return (
    <>
      <SelectField
        label={t('learners.queue.show')}
        value={status}
        onChange={(v) => setStatus(v as SignUpStatus)}
        options={vocabOptions(t, SIGN_UP_STATUSES, SIGN_UP_STATUS_LABELS)}
        wrapperClassName="max-w-xs"
      />
      <ApiErrorAlert error={decide.error} />
      <StatusMessage>{done}</StatusMessage>
      <QueryState query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="text-std-16N-170">{t('learners.queue.empty')}</p>
          ) : (
            <Table caption={t('learners.queue.caption', { n: data.items.length })}>
              <thead>
                <tr>
                  <Th>{t('learners.name')}</Th>
                  <Th>{t('learners.profession')}</Th>
                  <Th>{t('learners.workplace')}</Th>
                  <Th>{t('learners.queue.received')}</Th>
                  <Th>{status === 'pending' ? t('learners.queue.actions') : t('learners.queue.decided')}</Th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((row) => (
                  <tr key={row.id}>
                    <RowTh>
                      {row.displayName}
                      <span className="block text-solid-gray-700">{row.email}</span>
                      {row.emailTaken && (
                        <span className="block text-std-16B-170 text-error-2">
                          {t('learners.queue.emailTaken')}
                        </span>
                      )}
                    </RowTh>
                    <Td>{vocab(t, PROFESSION_LABELS, row.profession)}</Td>
                    <Td>
                      {row.workplace.organisationName ?? row.workplace.name}
                      <span className="block text-solid-gray-700">{row.municipalityName}</span>
                    </Td>
                    <Td>{formatDateTime(row.createdAt, t.locale)}</Td>
                    <Td>
                      {status === 'pending' ? (
                        <div className="flex flex-wrap gap-2">
                          <Button
                            disabled={decide.isPending || row.emailTaken}
                            onClick={() => act(row, 'approve')}
                            aria-label={t('learners.queue.approveName', { name: row.displayName })}
                          >
                            {t('learners.queue.approve')}
                          </Button>
                          <Button
                            variant="danger"
                            disabled={decide.isPending}
                            onClick={() => act(row, 'reject')}
                            aria-label={t('learners.queue.rejectName', { name: row.displayName })}
                          >
                            {t('learners.queue.reject')}
                          </Button>
                        </div>
                      ) : (
                        <>
                          {formatDateTime(row.decidedAt, t.locale)}
                          <span className="block text-solid-gray-700">{row.decidedByName}</span>
                        </>
                      )}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </QueryState>
    </>
  );
}
