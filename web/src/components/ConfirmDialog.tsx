import { useEffect, useId, useRef } from 'react';
import { useT } from '../i18n';
import { Button } from './Button';

/**
 * A modal confirmation built on <dialog>: the browser traps focus, Escape cancels and focus returns to
 * the button that opened it.
 */
export function ConfirmDialog({
  open,
  message,
  confirmLabel,
  danger = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  message: string;
  confirmLabel?: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const messageId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-describedby={messageId}
      aria-label={confirmLabel ?? t('common.confirm')}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="m-auto max-w-lg rounded-12 border border-solid-gray-300 p-6 shadow-5 backdrop:bg-black/50"
    >
      <p id={messageId} className="mb-6 text-std-17N-170 text-solid-gray-900">
        {message}
      </p>
      <div className="flex flex-wrap justify-end gap-3">
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button variant={danger ? 'danger' : 'primary'} onClick={onConfirm}>
          {confirmLabel ?? t('common.confirm')}
        </Button>
      </div>
    </dialog>
  );
}
