import { ApiErrorAlert, ErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { type MessageKey, useLocale, useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { type AuditVerifyResult, useVerifyAudit } from '../../lib/queries/audit';

/** The finding of a failed verification, in the reader's language (every result has its own sentence). */
function finding(r: AuditVerifyResult, t: ReturnType<typeof useT>, locale: 'ja' | 'en'): string {
  const at = formatDateTime(r.checkpoint?.at, locale);
  const seq = r.checkpoint?.seq ?? 0;
  switch (r.result) {
    case 'chain_broken':
      return t('audit.verifyBroken', {
        id: r.brokenAtId ?? '—',
        reason: r.reason ? t(`audit.reason.${r.reason}` satisfies MessageKey) : '—',
      });
    case 'tail_cut':
      return t('audit.result.tail_cut', { at, seq, n: r.entries });
    case 'chain_rewritten':
      return t('audit.result.chain_rewritten', { at, seq });
    case 'checkpoint_signature_invalid':
      return t('audit.result.checkpoint_signature_invalid', { at });
    case 'checkpoint_stale':
      return t('audit.result.checkpoint_stale', { at: formatDateTime(r.uncoveredSince, locale) });
    case 'intact':
      return '';
  }
}

/** The verification panel of the audit page: the chain, its signed checkpoints, and what was found. */
export function AuditVerify() {
  const t = useT();
  const { locale } = useLocale();
  const verify = useVerifyAudit();
  const r = verify.data;
  return (
    <div className="mb-6">
      <Button variant="secondary" onClick={() => verify.mutate()} disabled={verify.isPending}>
        {verify.isPending ? t('audit.verifying') : t('audit.verify')}
      </Button>
      <ApiErrorAlert error={verify.error} />
      {r && !r.ok && (
        <ErrorAlert>
          <p>{finding(r, t, locale)}</p>
          <p className="mt-1">{t('audit.verifyContact')}</p>
        </ErrorAlert>
      )}
      <StatusMessage>
        {r?.ok ? (
          <>
            <p>{t('audit.verifyOk', { n: r.entries, c: r.checkpoints })}</p>
            <p>
              {r.checkpoint
                ? t('audit.verifyNewest', {
                    at: formatDateTime(r.checkpoint.at, locale),
                    seq: r.checkpoint.seq,
                  })
                : t('audit.verifyNoCheckpoint')}
            </p>
          </>
        ) : null}
      </StatusMessage>
    </div>
  );
}
