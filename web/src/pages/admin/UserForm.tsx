import { type FormEvent, useRef, useState } from 'react';
import { DIVISION_LABELS } from '../../../../src/shared/vocab/network';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { FormSection } from '../../components/FormSection';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { useAdminScope } from '../../lib/admin-scope';
import { isApiError } from '../../lib/api';
import type { MailDelivery } from '../../lib/queries/mail';
import {
  DIVISIONS,
  type Division,
  useCentres,
  useMunicipalities,
  useOrganisations,
  useRegions,
} from '../../lib/queries/network';
import { type AdminUser, type UserScope, useInviteUser, useUpdateUser } from '../../lib/queries/users';
import { ROLES, type Role, roleLabel, scopeKindOf } from '../../lib/roles';

type Props = {
  user: AdminUser | null;
  onInvited: (invitationUrl: string, name: string, mail?: MailDelivery) => void;
  onSaved: (name: string) => void;
  onConflict: () => void;
  onCancel: () => void;
};

const EMPTY_SCOPE: UserScope = {
  centreId: null,
  regionId: null,
  municipalityCode: null,
  division: null,
  organisationId: null,
};

/** Keeps only the scope fields the role uses (the server rejects the others). */
export function scopeForRole(role: Role, s: UserScope): UserScope {
  switch (scopeKindOf(role)) {
    case 'branch_or_prefecture':
      return { ...EMPTY_SCOPE, centreId: s.centreId };
    case 'region':
      return { ...EMPTY_SCOPE, regionId: s.regionId };
    case 'municipality':
      return { ...EMPTY_SCOPE, municipalityCode: s.municipalityCode, division: s.division };
    case 'organisation':
      return { ...EMPTY_SCOPE, organisationId: s.organisationId };
    default:
      return EMPTY_SCOPE;
  }
}

/** Invite a user, or edit one: the scope fields shown follow the role chosen. */
export function UserForm({ user, onInvited, onSaved, onConflict, onCancel }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const admin = useAdminScope();
  const invite = useInviteUser();
  const update = useUpdateUser();
  const centres = useCentres();
  const regions = useRegions();
  const municipalities = useMunicipalities();
  const organisations = useOrganisations({ pageSize: 200 });
  const [email, setEmail] = useState(user?.email ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'municipal_staff');
  const [scope, setScope] = useState<UserScope>(user?.scope ?? EMPTY_SCOPE);
  const [errors, setErrors] = useState<Partial<Record<'email' | 'displayName' | 'scope', string>>>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const kind = scopeKindOf(role);
  const roles = ROLES.filter((r) => admin.isSystemAdmin || r !== 'system_admin');
  const set = (patch: Partial<UserScope>) => setScope((s) => ({ ...s, ...patch }));
  const save = user ? update : invite;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missingScope =
      (kind === 'region' && !scope.regionId) ||
      (kind === 'municipality' && !scope.municipalityCode) ||
      (kind === 'organisation' && !scope.organisationId);
    const next = {
      email: user || email.trim() ? undefined : t('validation.required', { field: t('users.email') }),
      displayName: displayName.trim()
        ? undefined
        : t('validation.required', { field: t('users.displayName') }),
      scope: missingScope ? t('validation.required', { field: t('users.scope') }) : undefined,
    };
    setErrors(next);
    if (next.email) return emailRef.current?.focus();
    if (next.displayName) return nameRef.current?.focus();
    if (next.scope) return;
    const body = { displayName: displayName.trim(), role, scope: scopeForRole(role, scope) };
    if (user) {
      update.mutate(
        { id: user.id, body: { ...body, version: user.version } },
        {
          // A learner given a staff role gets a new invitation link to hand over (their password was cleared).
          onSuccess: (res) =>
            res.invitationUrl ? onInvited(res.invitationUrl, body.displayName) : onSaved(body.displayName),
          onError: (err) => {
            if (isApiError(err, 'conflict')) onConflict();
          },
        },
      );
      return;
    }
    invite.mutate(
      {
        ...body,
        email: email.trim(),
        ...(admin.isSystemAdmin && role !== 'system_admin' && admin.prefecture
          ? { prefectureCode: admin.prefecture }
          : {}),
      },
      { onSuccess: (res) => onInvited(res.invitationUrl, body.displayName, res.mail) },
    );
  };

  return (
    <FormSection title={user ? t('users.editTitle', { name: user.displayName }) : t('users.inviteTitle')}>
      <form onSubmit={submit} noValidate>
        {!isApiError(save.error, 'conflict') && <ApiErrorAlert error={save.error} />}
        <div className="grid grid-cols-1 gap-x-6 md:grid-cols-2">
          <TextField
            ref={emailRef}
            label={t('users.email')}
            type="email"
            required={!user}
            readOnly={Boolean(user)}
            value={email}
            onChange={setEmail}
            error={errors.email}
            autoComplete="off"
          />
          <TextField
            ref={nameRef}
            label={t('users.displayName')}
            required
            value={displayName}
            onChange={setDisplayName}
            error={errors.displayName}
            autoComplete="off"
          />
          <SelectField
            label={t('users.role')}
            required
            value={role}
            onChange={(v) => setRole(v as Role)}
            hint={t('users.scopeHint')}
            options={roles.map((r) => ({ value: r, label: roleLabel(r, locale) }))}
          />
          {kind === 'branch_or_prefecture' && (
            <SelectField
              label={t('users.scopeCentre')}
              value={scope.centreId ?? ''}
              onChange={(v) => set({ centreId: v || null })}
              emptyLabel={t('users.scopeCentreAll')}
              options={(centres.data ?? [])
                .filter((c) => c.kind === 'branch')
                .map((c) => ({ value: c.id, label: c.name }))}
            />
          )}
          {kind === 'region' && (
            <SelectField
              label={t('users.scopeRegion')}
              required
              value={scope.regionId ?? ''}
              onChange={(v) => set({ regionId: v || null })}
              emptyLabel="—"
              error={errors.scope}
              options={(regions.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            />
          )}
          {kind === 'municipality' && (
            <>
              <SelectField
                label={t('users.scopeMunicipality')}
                required
                value={scope.municipalityCode ?? ''}
                onChange={(v) => set({ municipalityCode: v || null })}
                emptyLabel="—"
                error={errors.scope}
                options={(municipalities.data ?? []).map((m) => ({ value: m.code, label: m.name }))}
              />
              <SelectField
                label={t('users.scopeDivision')}
                value={scope.division ?? ''}
                onChange={(v) => set({ division: (v || null) as Division | null })}
                emptyLabel={t('common.none')}
                options={DIVISIONS.map((d) => ({ value: d, label: vocab(t, DIVISION_LABELS, d) }))}
              />
            </>
          )}
          {kind === 'organisation' && (
            <SelectField
              label={t('users.scopeOrganisation')}
              required
              value={scope.organisationId ?? ''}
              onChange={(v) => set({ organisationId: v || null })}
              emptyLabel="—"
              error={errors.scope}
              options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            />
          )}
        </div>
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={save.isPending}>
            {user ? t('common.save') : t('users.invite')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </FormSection>
  );
}
