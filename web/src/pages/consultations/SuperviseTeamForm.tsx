import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import { ApiErrorAlert, ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { fullName } from '../../lib/format';
import {
  type SuperviseTeam,
  type TeamsOverview,
  useFormSuperviseTeam,
  usePeopleSearch,
  useUpdateSuperviseTeam,
} from '../../lib/queries/consultation-teams';

type Member = { personId: string; name: string; organisationName: string | null };

const memberOf = (p: {
  familyName: string;
  givenName: string;
  organisationName?: string | null;
}): Omit<Member, 'personId'> => ({
  name: fullName(p.familyName, p.givenName),
  organisationName: p.organisationName ?? null,
});

/** People of the network found by name, each with a button to add them to the team. */
function PeopleFinder({ chosen, onAdd }: { chosen: Member[]; onAdd: (m: Member) => void }) {
  const t = useT();
  const [q, setQ] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const people = usePeopleSearch(asked);
  const search = () => setAsked(q.trim() || null);
  const onEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      search();
    }
  };
  const items = people.data?.items ?? [];
  return (
    <div className="mb-4">
      <TextField
        label={t('consult.teams.findPeople')}
        hint={t('consult.teams.findPeopleHint')}
        value={q}
        onChange={setQ}
        onKeyDown={onEnter}
        autoComplete="off"
      />
      <Button variant="secondary" onClick={search}>
        {t('common.search')}
      </Button>
      {people.error ? <ApiErrorAlert error={people.error} /> : null}
      <div aria-live="polite" className="mt-3">
        {people.data && items.length === 0 && <p>{t('common.noResults')}</p>}
        {people.data && people.data.total > items.length && (
          <p className="mb-2">
            {t('consult.teams.peopleMore', { n: people.data.total, shown: items.length })}
          </p>
        )}
        {items.length > 0 && (
          <Table caption={t('consult.teams.peopleFound', { n: people.data?.total ?? items.length })}>
            <thead>
              <tr>
                <Th>{t('consult.teams.colName')}</Th>
                <Th>{t('consult.teams.colProfession')}</Th>
                <Th>{t('consult.teams.colOrganisation')}</Th>
                <Th>
                  <span className="sr-only">{t('consult.teams.add')}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => {
                const m = { personId: p.id, ...memberOf(p) };
                const already = chosen.some((c) => c.personId === p.id);
                return (
                  <tr key={p.id}>
                    <RowTh>{m.name}</RowTh>
                    <Td>{p.profession ?? '—'}</Td>
                    <Td>{m.organisationName ?? '—'}</Td>
                    <Td>
                      {already ? (
                        t('consult.teams.added')
                      ) : (
                        <Button
                          variant="secondary"
                          className="whitespace-nowrap"
                          aria-label={t('consult.teams.addLabel', { name: m.name })}
                          onClick={() => onAdd(m)}
                        >
                          {t('consult.teams.add')}
                        </Button>
                      )}
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </div>
    </div>
  );
}

/**
 * Forms a supervise team (ME-2) or edits one: its name, the centre forming it (new teams only) and its members,
 * chosen from the people of the network. A stale edit (409) closes the form and lets the page say so.
 */
export function SuperviseTeamForm({
  team,
  centres,
  onSaved,
  onCancel,
  onConflict,
}: {
  team: SuperviseTeam | null;
  centres: TeamsOverview['formingCentres'];
  onSaved: (name: string) => void;
  onCancel: () => void;
  onConflict: () => void;
}) {
  const t = useT();
  const headingId = useId();
  const formTeam = useFormSuperviseTeam();
  const updateTeam = useUpdateSuperviseTeam();
  const save = team ? updateTeam : formTeam;
  const [name, setName] = useState(team?.name ?? '');
  const [centreId, setCentreId] = useState(team?.centreId ?? (centres.length === 1 ? centres[0]!.id : ''));
  const [members, setMembers] = useState<Member[]>(
    team?.members.map((m) => ({ personId: m.personId, ...memberOf(m) })) ?? [],
  );
  const [attempted, setAttempted] = useState(false);
  const errors = {
    name: name.trim() ? null : t('consult.form.required'),
    centre: !team && centres.length > 0 && !centreId ? t('consult.form.required') : null,
    members: members.length ? null : t('consult.teams.formNoMembers'),
  };
  const invalid = Object.values(errors).some(Boolean);
  const show = (e: string | null) => (attempted ? e : null);
  const title = team ? t('consult.teams.editTitle', { name: team.name }) : t('consult.teams.create');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    if (invalid) return;
    const memberPersonIds = members.map((m) => m.personId);
    const done = { onSuccess: (saved: SuperviseTeam) => onSaved(saved.name) };
    if (team) {
      updateTeam.mutate(
        { id: team.id, version: team.version, name: name.trim(), memberPersonIds },
        {
          ...done,
          onError: (err) => {
            if (isApiError(err, 'conflict')) onConflict();
          },
        },
      );
    } else {
      formTeam.mutate({ name: name.trim(), centreId: centreId || null, memberPersonIds }, done);
    }
  };

  return (
    <section aria-labelledby={headingId} className="mb-6 rounded-12 border border-solid-gray-300 p-4">
      <h3 id={headingId} className="mb-3 text-std-20B-150 text-solid-gray-900">
        {title}
      </h3>
      <form onSubmit={submit} noValidate className="max-w-3xl">
        {attempted && invalid && <ErrorAlert>{t('consult.public.invalid')}</ErrorAlert>}
        <TextField
          label={t('consult.teams.formName')}
          value={name}
          onChange={setName}
          required
          maxLength={100}
          error={show(errors.name)}
        />
        {!team && centres.length > 0 && (
          <SelectField
            label={t('consult.teams.formCentre')}
            value={centreId}
            onChange={setCentreId}
            emptyLabel={centres.length > 1 ? '—' : undefined}
            options={centres.map((c) => ({
              value: c.id,
              label: t('consult.withTier', {
                name: c.name,
                tier: t(c.kind === 'hq' ? 'consult.teams.hq' : 'consult.teams.branch'),
              }),
            }))}
            required
            error={show(errors.centre)}
          />
        )}
        <Table caption={t('consult.teams.formMembers', { n: members.length })}>
          <thead>
            <tr>
              <Th>{t('consult.teams.colName')}</Th>
              <Th>{t('consult.teams.colOrganisation')}</Th>
              <Th>
                <span className="sr-only">{t('consult.teams.formRemove')}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {members.length === 0 && (
              <tr>
                <Td colSpan={3}>{t('consult.teams.noMembers')}</Td>
              </tr>
            )}
            {members.map((m) => (
              <tr key={m.personId}>
                <RowTh>{m.name}</RowTh>
                <Td>{m.organisationName ?? '—'}</Td>
                <Td>
                  <Button
                    variant="text"
                    aria-label={t('consult.teams.formRemoveLabel', { name: m.name })}
                    onClick={() => setMembers(members.filter((x) => x.personId !== m.personId))}
                  >
                    {t('consult.teams.formRemove')}
                  </Button>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
        {show(errors.members) && <p className="mb-4 text-std-16B-170 text-error-2">{errors.members}</p>}
        <PeopleFinder chosen={members} onAdd={(m) => setMembers([...members, m])} />
        {save.error && !isApiError(save.error, 'conflict') ? <ApiErrorAlert error={save.error} /> : null}
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={save.isPending}>
            {t('consult.teams.save')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
