import { useId, useState } from 'react';
import { ErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { fullName } from '../../lib/format';
import {
  type SuperviseTeam,
  type TeamsOverview,
  useTeamsOverview,
  useUpdateSuperviseTeam,
} from '../../lib/queries/consultation-teams';
import { roleLabel } from '../../lib/roles';
import { readsConsultations } from './access';
import { forConsultationRoles } from './Guard';
import { tierLabel } from './labels';
import { SuperviseTeamForm } from './SuperviseTeamForm';

type Editing = { kind: 'closed' } | { kind: 'create' } | { kind: 'edit'; id: string };

function TierTeams({ teams }: { teams: TeamsOverview['tierTeams'] }) {
  const t = useT();
  const { locale } = useLocale();
  if (teams.length === 0) return <p>{t('consult.teams.noTier')}</p>;
  return (
    <>
      {teams.map((team) => {
        const caption = t('consult.teams.membersOf', {
          team: t('consult.withTier', { name: team.name, tier: tierLabel(t, team.tier) }),
        });
        return (
          <Table key={`${team.tier}:${team.name}`} caption={caption}>
            <thead>
              <tr>
                <Th>{t('consult.teams.colName')}</Th>
                <Th>{t('consult.teams.colRole')}</Th>
                <Th>{t('consult.teams.colOrganisation')}</Th>
              </tr>
            </thead>
            <tbody>
              {team.members.length === 0 && (
                <tr>
                  <Td colSpan={3}>{t('consult.teams.noMembers')}</Td>
                </tr>
              )}
              {team.members.map((m) => (
                <tr key={m.userId}>
                  <RowTh>{m.displayName}</RowTh>
                  <Td>{roleLabel(m.role, locale)}</Td>
                  <Td>{m.organisationName ?? '—'}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        );
      })}
    </>
  );
}

/** One supervise team: who formed it, whether it is active, its members, and the actions the user may take. */
function SuperviseTeamCard({
  team,
  onEdit,
  onToggled,
  onConflict,
}: {
  team: SuperviseTeam & { canEdit: boolean };
  onEdit: () => void;
  onToggled: (text: string) => void;
  onConflict: () => void;
}) {
  const t = useT();
  const headingId = useId();
  const update = useUpdateSuperviseTeam();
  const toggle = () =>
    update.mutate(
      { id: team.id, version: team.version, active: !team.active },
      {
        onSuccess: (saved) =>
          onToggled(
            t(saved.active ? 'consult.teams.reactivated' : 'consult.teams.deactivated', { name: saved.name }),
          ),
        onError: (err) => {
          if (isApiError(err, 'conflict')) onConflict();
        },
      },
    );
  return (
    <article aria-labelledby={headingId} className="mb-6 rounded-12 border border-solid-gray-300 p-4">
      <h3 id={headingId} className="text-std-20B-150 text-solid-gray-900">
        {team.name}
      </h3>
      <p className="mb-3 text-std-16N-170 text-solid-gray-700">
        {t('consult.teams.formedBy', { centre: team.centreName ?? t('consult.teams.formedByCentre') })}
        {t('consult.sep.gap')}
        {t('consult.teams.status', {
          status: t(team.active ? 'consult.teams.active' : 'consult.teams.inactive'),
        })}
      </p>
      <Table caption={t('consult.teams.membersOf', { team: team.name })} captionHidden>
        <thead>
          <tr>
            <Th>{t('consult.teams.colName')}</Th>
            <Th>{t('consult.teams.colProfession')}</Th>
            <Th>{t('consult.teams.colOrganisation')}</Th>
            <Th>{t('consult.teams.colAccount')}</Th>
          </tr>
        </thead>
        <tbody>
          {team.members.map((m) => (
            <tr key={m.personId}>
              <RowTh>{fullName(m.familyName, m.givenName)}</RowTh>
              <Td>{m.profession ?? '—'}</Td>
              <Td>{m.organisationName ?? '—'}</Td>
              <Td>{t(m.hasAccount ? 'consult.teams.hasAccount' : 'consult.teams.noAccount')}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {team.canEdit && (
        <div className="flex flex-wrap gap-3">
          <Button
            variant="secondary"
            aria-label={t('consult.teams.editLabel', { name: team.name })}
            onClick={onEdit}
          >
            {t('consult.teams.edit')}
          </Button>
          <Button
            variant={team.active ? 'danger' : 'secondary'}
            aria-label={t(team.active ? 'consult.teams.deactivateLabel' : 'consult.teams.reactivateLabel', {
              name: team.name,
            })}
            onClick={toggle}
            disabled={update.isPending}
          >
            {t(team.active ? 'consult.teams.deactivate' : 'consult.teams.reactivate')}
          </Button>
        </div>
      )}
    </article>
  );
}

/**
 * Teams and members: the user's tier teams (membership follows role and area, shown only) and the prefecture's
 * supervise teams (ME-2), which centre administrators and centre staff form, edit and deactivate.
 */
function Teams() {
  const t = useT();
  const overview = useTeamsOverview();
  const [editing, setEditing] = useState<Editing>({ kind: 'closed' });
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const open = (next: Editing) => {
    setMessage(null);
    setConflict(false);
    setEditing(next);
  };
  const saved = (text: string) => {
    setEditing({ kind: 'closed' });
    setConflict(false);
    setMessage(text);
  };
  const lostRace = () => {
    setEditing({ kind: 'closed' });
    setMessage(null);
    setConflict(true);
  };

  return (
    <Page title={t('consult.teams.title')} intro={t('consult.teams.intro')}>
      <QueryState query={overview}>
        {(data) => (
          <>
            <Section title={t('consult.teams.mine')} id="teams-mine">
              <p className="mb-4 max-w-3xl text-std-16N-170 text-solid-gray-700">
                {t('consult.teams.mineIntro')}
              </p>
              <TierTeams teams={data.tierTeams} />
            </Section>
            <Section title={t('consult.teams.supervise')} id="teams-supervise">
              <p className="mb-4 max-w-3xl text-std-16N-170 text-solid-gray-700">
                {t('consult.teams.superviseIntro')}
              </p>
              <StatusMessage>{message}</StatusMessage>
              {conflict && <ErrorAlert>{t('consult.teams.conflict')}</ErrorAlert>}
              {data.canForm && editing.kind !== 'create' && (
                <div className="mb-4">
                  <Button onClick={() => open({ kind: 'create' })}>{t('consult.teams.create')}</Button>
                </div>
              )}
              {editing.kind === 'create' && (
                <SuperviseTeamForm
                  team={null}
                  centres={data.formingCentres}
                  onSaved={(name) => saved(t('consult.teams.created', { name }))}
                  onCancel={() => setEditing({ kind: 'closed' })}
                  onConflict={lostRace}
                />
              )}
              {data.superviseTeams.length === 0 && <p>{t('consult.teams.superviseEmpty')}</p>}
              {data.superviseTeams.map((team) =>
                editing.kind === 'edit' && editing.id === team.id ? (
                  <SuperviseTeamForm
                    key={team.id}
                    team={team}
                    centres={data.formingCentres}
                    onSaved={(name) => saved(t('consult.teams.saved', { name }))}
                    onCancel={() => setEditing({ kind: 'closed' })}
                    onConflict={lostRace}
                  />
                ) : (
                  <SuperviseTeamCard
                    key={team.id}
                    team={team}
                    onEdit={() => open({ kind: 'edit', id: team.id })}
                    onToggled={saved}
                    onConflict={lostRace}
                  />
                ),
              )}
            </Section>
          </>
        )}
      </QueryState>
    </Page>
  );
}

export const TeamsPage = forConsultationRoles(readsConsultations, Teams);
