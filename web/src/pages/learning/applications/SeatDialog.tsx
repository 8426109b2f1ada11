import { useEffect, useId, useRef, useState } from 'react';
import { ApiErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { TextAreaField } from '../../../components/Field';
import { useT } from '../../../i18n';
import type { Applicant, SeatAction } from './applications-api';

/** The button that opens the dialog and the one that confirms it read the same. */
export const ACTION_LABEL = {
  give: 'selection.action.give',
  withdraw: 'selection.action.withdraw',
  cancel: 'selection.action.cancel',
} as const;

export type SeatIntent = { kind: 'give' | 'withdraw' | 'cancel'; applicant: Applicant };

/**
 * The dialog behind 席を与える / 席を取り消す / 申し込みを取り消す: what will happen, to whom, and the written reason
 * every such decision needs (it is audited and kept on the application). A modal <dialog>: focus stays inside,
 * Escape closes, focus returns to the button that opened it.
 */
export function SeatDialog({
  intent,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  intent: SeatIntent | null;
  pending: boolean;
  error: unknown;
  onSubmit: (action: SeatAction) => void;
  onClose: () => void;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (intent && !dialog.open) {
      setReason('');
      setMissing(false);
      dialog.showModal();
    }
    if (!intent && dialog.open) dialog.close();
  }, [intent]);

  const titleKey =
    intent?.kind === 'give'
      ? 'selection.dialog.give'
      : intent?.kind === 'withdraw'
        ? 'selection.dialog.withdraw'
        : 'selection.dialog.cancel';
  const effectKey =
    intent?.kind === 'give'
      ? 'selection.dialog.giveEffect'
      : intent?.kind === 'withdraw'
        ? 'selection.dialog.withdrawEffect'
        : 'selection.dialog.cancelEffect';

  const submit = () => {
    if (!intent) return;
    const text = reason.trim();
    if (!text) {
      setMissing(true);
      return;
    }
    const { id, version } = intent.applicant;
    onSubmit(
      intent.kind === 'cancel'
        ? { kind: 'cancel', id, reason: text, version }
        : {
            kind: 'override',
            id,
            outcome: intent.kind === 'give' ? 'selected' : 'not_selected',
            reason: text,
            version,
          },
    );
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="m-auto w-full max-w-xl rounded-12 border border-solid-gray-300 p-6 shadow-5 backdrop:bg-black/50"
    >
      {intent && (
        <form
          method="dialog"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <h2 id={titleId} className="mb-2 text-std-20B-150 text-solid-gray-900">
            {t(titleKey, { name: intent.applicant.learnerName })}
          </h2>
          <p className="mb-4 text-std-16N-170">{t(effectKey)}</p>
          <TextAreaField
            label={t('selection.dialog.reason')}
            hint={t('selection.dialog.reasonHint')}
            value={reason}
            onChange={(v) => {
              setReason(v);
              if (v.trim()) setMissing(false);
            }}
            error={missing ? t('selection.dialog.reasonMissing') : null}
            required
            rows={3}
          />
          <ApiErrorAlert error={error} />
          <div className="flex flex-wrap justify-end gap-3">
            <Button variant="secondary" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" variant={intent.kind === 'give' ? 'primary' : 'danger'} disabled={pending}>
              {pending ? t('common.saving') : t(ACTION_LABEL[intent.kind])}
            </Button>
          </div>
        </form>
      )}
    </dialog>
  );
}
