import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { CARE_TEAM_ROLE_LABELS, CARE_TEAM_ROLES } from '../../../../../src/shared/vocab/registry';
import { ApiErrorAlert, ErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Checkbox, SelectField, TextField } from '../../../components/Field';
import { RowTh, Table, Td, Th } from '../../../components/Table';
import { useT } from '../../../i18n';
import { vocab, vocabOptions } from '../../../i18n/vocab';
import { fullName } from '../../../lib/format';
import {
  type CareTeamMember,
  type ChildRecord,
  conflictOf,
  useRecordWrite,
} from '../../../lib/queries/child-record';
import { usePeopleSearch } from '../../../lib/queries/consultation-teams';

type Picked = { personId: string; name: string };

/** Adds a person of the network to the care team: find by name, choose, give the part. */
function AddMember({ child, onDone }: { child: ChildRecord; onDone: () => void }) {
  const t = useT();
  const write = useRecordWrite(child.id);
  const [q, setQ] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const people = usePeopleSearch(asked);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [role, setRole] = useState<string>('coordinator');
  const [isKey, setKey] = useState(child.careTeam.length === 0);
  const [note, setNote] = useState('');
  const [attempted, setAttempted] = useState(false);
  const search = () => setAsked(q.trim() || null);
  const onEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      search();
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    if (!picked) return;
    write.mutate(
      {
        method: 'POST',
        path: '/care-team',
        body: { version: child.version, personId: picked.personId, role, isKeyCoordinator: isKey, note },
      },
      { onSuccess: onDone },
    );
  };
  const items = (people.data?.items ?? []).filter((p) => !child.careTeam.some((m) => m.personId === p.id));
  return (
    <form onSubmit={submit} noValidate className="mb-6 max-w-2xl rounded-8 border border-solid-gray-300 p-4">
      <h3 className="mb-3 text-std-20B-150">{t('record.careTeam.add')}</h3>
      <TextField
        label={t('record.careTeam.find')}
        hint={t('record.careTeam.findHint')}
        value={q}
        onChange={setQ}
        onKeyDown={onEnter}
        autoComplete="off"
      />
      <Button variant="secondary" onClick={search} className="mb-4">
        {t('common.search')}
      </Button>
      <div aria-live="polite">
        {people.data && items.length === 0 && <p className="mb-4">{t('common.noResults')}</p>}
        {items.length > 0 && !picked && (
          <ul className="mb-4 grid gap-2">
            {items.map((p) => {
              const name = fullName(p.familyName, p.givenName);
              return (
                <li key={p.id} className="flex flex-wrap items-center gap-3">
                  <Button
                    variant="secondary"
                    aria-label={t('record.careTeam.pickLabel', { name })}
                    onClick={() => setPicked({ personId: p.id, name })}
                  >
                    {t('record.careTeam.pick')}
                  </Button>
                  <span>
                    {name}
                    {p.profession ? `（${p.profession}）` : ''}
                    {p.organisationName ? ` ${p.organisationName}` : ''}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        {picked && (
          <p className="mb-4 text-std-16B-170">{t('record.careTeam.chosen', { name: picked.name })}</p>
        )}
      </div>
      {attempted && !picked && <ErrorAlert>{t('record.careTeam.choose')}</ErrorAlert>}
      <SelectField
        label={t('record.careTeam.role')}
        value={role}
        onChange={setRole}
        options={vocabOptions(t, CARE_TEAM_ROLES, CARE_TEAM_ROLE_LABELS)}
      />
      <Checkbox label={t('record.careTeam.key')} checked={isKey} onChange={setKey} />
      <TextField label={t('record.careTeam.note')} value={note} onChange={setNote} maxLength={500} />
      {write.error &&
        (conflictOf(write.error, child.id) ? (
          <ErrorAlert>{t('common.conflict')}</ErrorAlert>
        ) : (
          <ApiErrorAlert error={write.error} />
        ))}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={write.isPending}>
          {t('record.careTeam.save')}
        </Button>
        <Button variant="text" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/**
 * The child's key coordinator and care team (NA-2): people of the network with their part. Each change is
 * one write carrying the record's version (history and audit on the server).
 */
export function CareTeamSection({ child }: { child: ChildRecord }) {
  const t = useT();
  const write = useRecordWrite(child.id);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [removing, setRemoving] = useState<CareTeamMember | null>(null);
  const canEdit = child.allowedActions.edit;
  const done = () => setMessage(t('record.careTeam.saved'));
  const makeKey = (m: CareTeamMember) =>
    write.mutate(
      {
        method: 'PATCH',
        path: `/care-team/${encodeURIComponent(m.id)}`,
        body: { version: child.version, isKeyCoordinator: true },
      },
      { onSuccess: done },
    );
  return (
    <section aria-labelledby="child-care-team" className="mb-10">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 id="child-care-team" className="text-std-22B-150">
          {t('record.careTeam')}
        </h2>
        {canEdit && !adding && (
          <Button variant="secondary" onClick={() => setAdding(true)}>
            {t('record.careTeam.add')}
          </Button>
        )}
      </div>
      <p className="mb-3 text-std-16N-170">{t('record.careTeam.intro')}</p>
      <StatusMessage>{message}</StatusMessage>
      {write.error &&
        (conflictOf(write.error, child.id) ? (
          <ErrorAlert>{t('common.conflict')}</ErrorAlert>
        ) : (
          <ApiErrorAlert error={write.error} />
        ))}
      {adding && (
        <AddMember
          child={child}
          onDone={() => {
            setAdding(false);
            done();
          }}
        />
      )}
      {child.careTeam.length === 0 ? (
        <p className="mb-4">{t('record.careTeam.empty')}</p>
      ) : (
        <Table caption={t('record.careTeam')} captionHidden>
          <thead>
            <tr>
              <Th>{t('record.careTeam.person')}</Th>
              <Th>{t('record.careTeam.role')}</Th>
              <Th>{t('record.careTeam.organisation')}</Th>
              <Th>{t('record.careTeam.contact')}</Th>
              <Th>{t('record.careTeam.note')}</Th>
              {canEdit && <Th className="print:hidden">{t('common.actions')}</Th>}
            </tr>
          </thead>
          <tbody>
            {child.careTeam.map((m) => (
              <tr key={m.id}>
                <RowTh>
                  {m.name}
                  {m.isKeyCoordinator && (
                    <span className="ml-2 whitespace-nowrap rounded-4 bg-key-900 px-1.5 text-dns-14B-120 text-white">
                      {t('record.careTeam.keyYes')}
                    </span>
                  )}
                </RowTh>
                <Td>{vocab(t, CARE_TEAM_ROLE_LABELS, m.role)}</Td>
                <Td>{m.organisationName ?? '—'}</Td>
                <Td>{[m.phone, m.email].filter(Boolean).join(' ') || '—'}</Td>
                <Td>{m.note ?? '—'}</Td>
                {canEdit && (
                  <Td className="whitespace-nowrap print:hidden">
                    <div className="flex flex-wrap gap-2">
                      {!m.isKeyCoordinator && (
                        <Button
                          variant="secondary"
                          aria-label={t('record.careTeam.makeKeyLabel', { name: m.name })}
                          disabled={write.isPending}
                          onClick={() => makeKey(m)}
                        >
                          {t('record.careTeam.makeKey')}
                        </Button>
                      )}
                      <Button
                        variant="danger"
                        aria-label={t('record.careTeam.removeLabel', { name: m.name })}
                        onClick={() => setRemoving(m)}
                      >
                        {t('record.careTeam.remove')}
                      </Button>
                    </div>
                  </Td>
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <ConfirmDialog
        open={removing !== null}
        danger
        message={removing ? t('record.careTeam.confirmRemove', { name: removing.name }) : ''}
        confirmLabel={t('record.careTeam.remove')}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const target = removing;
          setRemoving(null);
          if (!target) return;
          write.mutate(
            {
              method: 'DELETE',
              path: `/care-team/${encodeURIComponent(target.id)}`,
              query: { version: child.version },
            },
            { onSuccess: done },
          );
        }}
      />
    </section>
  );
}
