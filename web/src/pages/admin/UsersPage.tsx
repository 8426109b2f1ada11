import { useState } from 'react';
import { DIVISION_LABELS } from '../../../../src/shared/vocab/network';
import { AdminFrame } from '../../components/AdminFrame';
import { ApiErrorAlert, ErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { CopyField } from '../../components/CopyField';
import { SelectField, TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { type Translate, useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDateTime, formatNumber } from '../../lib/format';
import { absoluteLink } from '../../lib/links';
import { useSession } from '../../lib/queries/auth';
import { type MailDelivery, useBounces } from '../../lib/queries/mail';
import { useCentres, useMunicipalities, useOrganisations, useRegions } from '../../lib/queries/network';
import { type AdminUser, useUserAction, useUsers } from '../../lib/queries/users';
import { ROLES, type Role, roleLabel } from '../../lib/roles';
import { useEditor } from '../../lib/use-editor';
import { UserBounce } from './MailBounces';
import { UserActions } from './UserActions';
import { UserForm } from './UserForm';

function useScopeText(t: Translate) {
  const centres = new Map((useCentres().data ?? []).map((c) => [c.id, c.name]));
  const regions = new Map((useRegions().data ?? []).map((r) => [r.id, r.name]));
  const municipalities = new Map((useMunicipalities().data ?? []).map((m) => [m.code, m.name]));
  const organisations = new Map(
    (useOrganisations({ pageSize: 200 }).data?.items ?? []).map((o) => [o.id, o.name]),
  );
  return (u: AdminUser): string => {
    const s = u.scope;
    if (s.centreId) return `${t('users.scopeCentre')}: ${centres.get(s.centreId) ?? s.centreId}`;
    if (s.regionId) return `${t('users.scopeRegion')}: ${regions.get(s.regionId) ?? s.regionId}`;
    if (s.municipalityCode) {
      const m = municipalities.get(s.municipalityCode) ?? s.municipalityCode;
      return s.division ? `${m}（${vocab(t, DIVISION_LABELS, s.division)}）` : m;
    }
    if (s.organisationId) return organisations.get(s.organisationId) ?? s.organisationId;
    return u.role === 'system_admin' ? t('common.none') : t('users.scopeWhole');
  };
}

function StatusBadges({ user }: { user: AdminUser }) {
  const t = useT();
  const badges: string[] = [];
  if (user.disabled) badges.push(t('users.statusDisabled'));
  if (user.locked) badges.push(t('users.statusLocked'));
  if (user.invitationPending) badges.push(t('users.statusPending'));
  if (!badges.length) badges.push(t('users.statusActive'));
  return (
    <ul className="flex flex-wrap gap-1">
      {badges.map((b) => (
        <li
          key={b}
          className="rounded-4 border border-solid-gray-600 px-1.5 text-dns-14B-130 whitespace-nowrap"
        >
          {b}
        </li>
      ))}
    </ul>
  );
}

/** Users a page: a prefecture has hundreds of staff and learners by the thousand. */
const PAGE_SIZE = 25;

/** Whether a user's name or address holds the words typed (each of them, any case). */
function matches(u: AdminUser, q: string): boolean {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const text = `${u.displayName} ${u.email}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

function UsersAdmin() {
  const t = useT();
  const { locale } = useLocale();
  // Learners sign up by the thousand: the list can be narrowed to one role (受講者 included) and searched.
  const [roleFilter, setRoleFilter] = useState<Role | ''>('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const users = useUsers(roleFilter || undefined);
  const me = useSession().data?.user?.id;
  const runAction = useUserAction();
  const scopeText = useScopeText(t);
  // Addresses that bounce (only an administrator who sees the outbox gets them; others see no badge).
  const bouncing = new Map(
    (useBounces().data?.addresses ?? []).map((b) => [b.address.toLowerCase(), b] as const),
  );
  const { editing, open, close, saved, lostRace, notify, message, conflict } = useEditor();
  const [link, setLink] = useState<{ url: string; text: string; mail?: MailDelivery } | null>(null);

  return (
    <QueryState query={users}>
      {(list) => {
        const current = editing.kind === 'edit' ? (list.find((u) => u.id === editing.id) ?? null) : null;
        const found = query.trim() ? list.filter((u) => matches(u, query)) : list;
        const pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
        const shown = found.slice((Math.min(page, pages) - 1) * PAGE_SIZE, Math.min(page, pages) * PAGE_SIZE);
        const n = (x: number) => formatNumber(x, locale);
        return (
          <>
            <StatusMessage>{message}</StatusMessage>
            {conflict && <ErrorAlert>{t('common.conflict')}</ErrorAlert>}
            <ApiErrorAlert error={runAction.error} />
            {link && (
              <div className="mb-6 rounded-12 border-2 border-success-2 p-4">
                <p className="mb-3 text-std-16B-170">{link.text}</p>
                <CopyField label={t('users.link')} value={link.url} />
                {link.mail?.status === 'queued' && (
                  <p className="mt-3 text-std-16N-170">{t('users.mailed')}</p>
                )}
                {link.mail?.status === 'failed' && (
                  <p className="mt-3 text-std-16N-170">{t('users.mailNoAddress')}</p>
                )}
              </div>
            )}
            <div className="mb-4 flex flex-wrap items-end justify-between gap-4 print:hidden">
              <div className="flex flex-wrap items-end gap-4">
                <SelectField
                  label={t('users.roleFilter')}
                  value={roleFilter}
                  onChange={(v) => {
                    setRoleFilter(v as Role | '');
                    setPage(1);
                  }}
                  options={ROLES.map((r) => ({ value: r, label: roleLabel(r, locale) }))}
                  emptyLabel={t('users.roleFilterAll')}
                  wrapperClassName="mb-0 max-w-xs"
                />
                <TextField
                  type="search"
                  label={t('users.search')}
                  value={query}
                  onChange={(v) => {
                    setQuery(v);
                    setPage(1);
                  }}
                  wrapperClassName="mb-0 max-w-xs"
                />
              </div>
              <Button
                onClick={() => {
                  setLink(null);
                  open({ kind: 'create' });
                }}
              >
                {t('users.inviteTitle')}
              </Button>
            </div>
            <p className="mb-2">
              {t('users.summary', {
                total: n(list.length),
                disabled: n(list.filter((u) => u.disabled).length),
                locked: n(list.filter((u) => u.locked).length),
                pending: n(list.filter((u) => u.invitationPending).length),
              })}
            </p>
            {found.length === 0 && <p className="mb-4">{t('users.noMatch')}</p>}
            <Table caption={t('users.title')} captionHidden>
              <thead>
                <tr>
                  <Th className="min-w-48">{t('users.displayName')}</Th>
                  <Th className="min-w-32">{t('users.role')}</Th>
                  <Th className="min-w-40">{t('users.scope')}</Th>
                  <Th className="min-w-44">{t('users.status')}</Th>
                  <Th className="print:hidden">{t('common.actions')}</Th>
                </tr>
              </thead>
              <tbody>
                {shown.map((u) => (
                  <tr key={u.id}>
                    <RowTh>
                      <span className="font-bold">
                        {u.displayName}
                        {u.id === me && t('users.selfNote')}
                      </span>
                      <span className="block break-all text-dns-14N-130 text-solid-gray-700">{u.email}</span>
                    </RowTh>
                    <Td>{roleLabel(u.role, locale)}</Td>
                    <Td>{scopeText(u)}</Td>
                    <Td>
                      <StatusBadges user={u} />
                      {bouncing.get(u.email.toLowerCase()) && (
                        <UserBounce
                          bounce={bouncing.get(u.email.toLowerCase())!}
                          name={u.displayName}
                          onCleared={notify}
                        />
                      )}
                      <dl className="mt-1 text-dns-14N-130 text-solid-gray-700">
                        <div>
                          <dt className="inline">{t('users.totp')}: </dt>
                          <dd className="inline">{u.totpEnabled ? t('users.totpOn') : t('users.totpOff')}</dd>
                        </div>
                        <div>
                          <dt className="inline">{t('users.lastSignIn')}: </dt>
                          <dd className="inline">
                            {u.lastSignInAt ? formatDateTime(u.lastSignInAt, locale) : t('users.never')}
                          </dd>
                        </div>
                      </dl>
                    </Td>
                    <Td className="min-w-56 print:hidden">
                      <UserActions
                        user={u}
                        isSelf={u.id === me}
                        pending={runAction.isPending}
                        onEdit={() => {
                          setLink(null);
                          open({ kind: 'edit', id: u.id });
                        }}
                        onRun={(a) => {
                          setLink(null);
                          notify(null);
                          runAction.mutate(
                            { id: u.id, action: a.action },
                            {
                              onSuccess: (res) => {
                                const url = res.resetUrl ?? res.invitationUrl;
                                if (url) {
                                  const text = res.resetUrl
                                    ? t('users.resetCreated')
                                    : t('users.invitationCreated');
                                  setLink({ url: absoluteLink(url), text, mail: res.mail });
                                } else {
                                  notify(t('users.done', { name: u.displayName, action: t(a.label) }));
                                }
                              },
                            },
                          );
                        }}
                      />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <Pagination
              page={Math.min(page, pages)}
              pageSize={PAGE_SIZE}
              total={found.length}
              onPage={setPage}
            />
            {editing.kind !== 'closed' && (
              <UserForm
                key={current ? `${current.id}-${current.version}` : 'new'}
                user={current}
                onInvited={(url, _name, mail) => {
                  close();
                  setLink({ url: absoluteLink(url), text: t('users.invitationCreated'), mail });
                }}
                onSaved={(name) => saved(`${name}: ${t('common.saved')}`)}
                onConflict={lostRace}
                onCancel={close}
              />
            )}
          </>
        );
      }}
    </QueryState>
  );
}

/** 利用者: invite users, change role and scope, and the account actions (with confirmation). */
export function UsersPage() {
  const t = useT();
  return (
    <Page title={t('users.title')}>
      <AdminFrame>
        <UsersAdmin />
      </AdminFrame>
    </Page>
  );
}
