import { useState } from 'react';
import { PROFESSION_LABELS } from '../../../../../src/shared/vocab/learning';
import { INVITE_ROW_OUTCOME_LABELS } from '../../../../../src/shared/vocab/learning-learners';
import { ApiErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { RowTh, Table, Td, Th } from '../../../components/Table';
import { type MessageKey, useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import { saveFile } from '../../../lib/api';
import { type InvitePlan, useInvite, useInvitePreview } from '../../../lib/queries/learning-learners';

/** The invitation links as a CSV for a mail merge (UTF-8 with a BOM, which Excel opens as such). */
function linksCsv(plan: InvitePlan): Blob {
  const origin = window.location.origin;
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = [['氏名', 'メールアドレス', '招待リンク'].join(',')];
  for (const r of plan.rows) {
    if (r.invitationUrl) lines.push([r.name, r.email, `${origin}${r.invitationUrl}`].map(quote).join(','));
  }
  return new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
}

/**
 * 一括招待: the centre picks a list (.xlsx or CSV), sees what each row will do and why a row cannot be used,
 * then invites; the links are shown once, to hand over or mail-merge.
 */
export function InviteLearners() {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const preview = useInvitePreview();
  const invite = useInvite();
  const plan = invite.data ?? preview.data;
  const invited = Boolean(invite.data);
  return (
    <>
      <p className="mb-4 text-std-16N-170">{t('learners.invite.intro')}</p>
      <label htmlFor="learner-list" className="mb-1 block text-std-17B-170">
        {t('learners.invite.file')}
      </label>
      <input
        id="learner-list"
        type="file"
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className="mb-4 block min-h-11"
        onChange={(e) => {
          const f = e.target.files?.[0] ?? null;
          setFile(f);
          invite.reset();
          if (f) preview.mutate(f);
        }}
      />
      <ApiErrorAlert error={preview.error ?? invite.error} />
      {plan && (
        <>
          <StatusMessage tone={invited ? 'success' : 'info'}>
            {t(invited ? 'learners.invite.done' : 'learners.invite.planned', {
              create: plan.counts.create,
              again: plan.counts.invite_again,
              exists: plan.counts.exists,
              error: plan.counts.error,
            })}
          </StatusMessage>
          <div className="mb-4 flex flex-wrap gap-3">
            {!invited && (
              <Button
                disabled={!file || invite.isPending || plan.counts.create + plan.counts.invite_again === 0}
                onClick={() => file && invite.mutate(file)}
              >
                {invite.isPending ? t('learners.sending') : t('learners.invite.submit')}
              </Button>
            )}
            {invited && plan.counts.create + plan.counts.invite_again > 0 && (
              <Button
                variant="secondary"
                onClick={() => saveFile({ blob: linksCsv(plan), fileName: 'invitation-links.csv' })}
              >
                {t('learners.invite.download')}
              </Button>
            )}
          </div>
          <Table caption={t('learners.invite.rows')}>
            <thead>
              <tr>
                <Th>{t('learners.invite.line')}</Th>
                <Th>{t('learners.name')}</Th>
                <Th>{t('learners.profession')}</Th>
                <Th>{t('learners.workplace')}</Th>
                <Th>{t('learners.invite.outcome')}</Th>
              </tr>
            </thead>
            <tbody>
              {plan.rows.map((r) => (
                <tr key={r.line}>
                  <RowTh>{r.line}</RowTh>
                  <Td>
                    {r.name || t('common.none')}
                    <span className="block text-solid-gray-700">{r.email}</span>
                  </Td>
                  <Td>{vocab(t, PROFESSION_LABELS, r.profession)}</Td>
                  <Td>
                    {r.workplace.organisationName ?? r.workplace.name ?? t('common.none')}
                    {r.workplace.organisationId && (
                      <span className="block text-solid-gray-700">{t('learners.invite.matched')}</span>
                    )}
                  </Td>
                  <Td>
                    <span className={r.outcome === 'error' ? 'text-std-16B-170 text-error-2' : ''}>
                      {vocab(t, INVITE_ROW_OUTCOME_LABELS, r.outcome)}
                    </span>
                    {r.issues.length > 0 && (
                      <ul className="list-disc pl-5">
                        {r.issues.map((i) => (
                          <li key={i.code}>{t(`learners.issue.${i.code}` as MessageKey)}</li>
                        ))}
                      </ul>
                    )}
                    {r.invitationUrl && (
                      <span className="block break-all font-mono text-std-16N-170">
                        {window.location.origin}
                        {r.invitationUrl}
                      </span>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
    </>
  );
}
