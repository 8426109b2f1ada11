import { useState } from 'react';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { type MessageKey, useT } from '../../i18n';
import type { AdminUser, UserAction } from '../../lib/queries/users';

type ActionSpec = { action: UserAction; label: MessageKey; confirm: MessageKey; danger?: boolean };

/** The account actions that apply to this user's state. */
export function actionsFor(user: AdminUser): ActionSpec[] {
  const list: ActionSpec[] = [];
  if (user.disabled) list.push({ action: 'enable', label: 'users.enable', confirm: 'users.confirmEnable' });
  else
    list.push({ action: 'disable', label: 'users.disable', confirm: 'users.confirmDisable', danger: true });
  if (user.locked) list.push({ action: 'unlock', label: 'users.unlock', confirm: 'users.confirmUnlock' });
  if (user.totpEnabled) {
    list.push({
      action: 'reset-totp',
      label: 'users.resetTotp',
      confirm: 'users.confirmResetTotp',
      danger: true,
    });
  }
  if (user.invitationPending) {
    list.push({
      action: 'resend-invitation',
      label: 'users.resendInvitation',
      confirm: 'users.confirmResendInvitation',
    });
  } else {
    list.push({
      action: 'reset-password',
      label: 'users.resetPassword',
      confirm: 'users.confirmResetPassword',
    });
  }
  return list;
}

/** The buttons of one user row; each asks for confirmation in a modal dialog first. */
export function UserActions({
  user,
  isSelf,
  pending,
  onEdit,
  onRun,
}: {
  user: AdminUser;
  isSelf: boolean;
  pending: boolean;
  onEdit: () => void;
  onRun: (action: ActionSpec) => void;
}) {
  const t = useT();
  const [asking, setAsking] = useState<ActionSpec | null>(null);
  // An administrator cannot disable themselves (the server refuses it too).
  const actions = actionsFor(user).filter((a) => !(isSelf && a.action === 'disable'));
  return (
    <div className="flex flex-wrap gap-2">
      <Button variant="secondary" aria-label={`${t('common.edit')}: ${user.displayName}`} onClick={onEdit}>
        {t('common.edit')}
      </Button>
      {actions.map((a) => (
        <Button
          key={a.action}
          variant={a.danger ? 'danger' : 'secondary'}
          disabled={pending}
          aria-label={`${t(a.label)}: ${user.displayName}`}
          onClick={() => setAsking(a)}
        >
          {t(a.label)}
        </Button>
      ))}
      <ConfirmDialog
        open={asking !== null}
        danger={asking?.danger}
        message={asking ? t(asking.confirm, { name: user.displayName }) : ''}
        confirmLabel={asking ? t(asking.label) : undefined}
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          const a = asking;
          setAsking(null);
          if (a) onRun(a);
        }}
      />
    </div>
  );
}
