import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { ZProposal } from '../../../../src/modules/learning/roster/schemas';
import type { SuperviseExpertise } from '../../../../src/shared/vocab/learning-roster';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { useLocale, useT } from '../../i18n';
import { api } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { useFormSuperviseTeam, useTeamsOverview } from '../../lib/queries/consultation-teams';
import { ProposedMembers } from '../learning/roster/ProposedMembers';
import { TagBoxes, tagsText } from '../learning/roster/TagBoxes';

type CaseProposal = {
  proposal: z.infer<typeof ZProposal>;
  teams: {
    id: string;
    name: string;
    members: number;
    covers: SuperviseExpertise[];
    uncovered: SuperviseExpertise[];
    openRequests: number;
    hasProposal: boolean;
  }[];
};

/**
 * ME-2 on the case page: the expertise the case needs is ticked, and the supervise pools propose the members
 * who cover it with the fewest open requests (GET /consultations/{id}/supervise-proposal). The request takes the
 * suggestion in one of two ways: an existing team that fits (ranked by what it covers, the one holding the
 * proposal first, then load), or — for those who form supervise teams — a new team of the proposed members.
 * `onChoose` puts the team into the request form with the needed expertise as a note.
 */
export function SuperviseProposal({
  consultationId,
  onChoose,
}: {
  consultationId: string;
  onChoose: (teamId: string, note: string) => void;
}) {
  const t = useT();
  const [needed, setNeeded] = useState<SuperviseExpertise[]>([]);
  const [asked, setAsked] = useState<SuperviseExpertise[] | null>(null);
  const proposal = useQuery({
    queryKey: ['consultations', consultationId, 'supervise-proposal', asked],
    enabled: asked !== null,
    queryFn: ({ signal }) =>
      api.get<CaseProposal>(
        `/api/consultations/${encodeURIComponent(consultationId)}/supervise-proposal`,
        { tags: asked!.join(',') },
        signal,
      ),
  });
  const note = asked ? t('consult.proposal.note', { tags: tagsText(t, asked) }) : '';
  const data = proposal.data;
  return (
    <div className="mb-6 rounded-8 border border-solid-gray-300 px-4 py-3">
      <h3 className="mb-2 text-std-17B-170">{t('consult.proposal.title')}</h3>
      <p className="mb-3">{t('consult.proposal.intro')}</p>
      <TagBoxes legend={t('consult.proposal.needed')} value={needed} onChange={setNeeded} />
      <Button variant="secondary" disabled={needed.length === 0} onClick={() => setAsked(needed)}>
        {t('consult.proposal.propose')}
      </Button>
      {proposal.error ? <ApiErrorAlert error={proposal.error} /> : null}
      <div aria-live="polite" className="mt-4">
        {data && (
          <>
            <ProposedMembers
              proposal={data.proposal}
              caption={t('consult.proposal.members')}
              empty={t('consult.proposal.empty')}
            />
            <FittingTeams teams={data.teams} onChoose={(id) => onChoose(id, note)} />
            {data.proposal.members.length > 0 && !data.teams.some((x) => x.hasProposal) && (
              <FormFromProposal
                tags={asked ?? []}
                memberPersonIds={data.proposal.members.map((m) => m.personId)}
                onFormed={(id) => onChoose(id, note)}
              />
            )}
          </>
        )}
      </div>
    </div>
  );
}

/** The active supervise teams that cover some of the need, best first, each to be taken into the request. */
function FittingTeams({ teams, onChoose }: { teams: CaseProposal['teams']; onChoose: (id: string) => void }) {
  const t = useT();
  const { locale } = useLocale();
  if (teams.length === 0) return <p className="mb-3">{t('consult.proposal.noTeams')}</p>;
  return (
    <>
      <h4 className="mb-2 text-std-16B-170">{t('consult.proposal.teams')}</h4>
      <ul className="mb-4 grid gap-2">
        {teams.map((team) => (
          <li key={team.id} className="flex flex-wrap items-center gap-3">
            <span>
              <span className="text-std-16B-170">{team.name}</span>
              {team.hasProposal && <span className="ml-2">{t('consult.proposal.hasProposal')}</span>}
              <span className="block text-dns-14N-130 text-solid-gray-700">
                {t('consult.proposal.teamLine', {
                  covers: tagsText(t, team.covers),
                  n: formatNumber(team.openRequests, locale),
                })}
                {team.uncovered.length > 0 &&
                  ` ${t('consult.proposal.teamMissing', { tags: tagsText(t, team.uncovered) })}`}
              </span>
            </span>
            <Button
              variant="secondary"
              onClick={() => onChoose(team.id)}
              aria-label={t('consult.proposal.chooseLabel', { team: team.name })}
            >
              {t('consult.proposal.choose')}
            </Button>
          </li>
        ))}
      </ul>
    </>
  );
}

/** For those who form supervise teams: a new team of the proposed members, then chosen for the request. */
function FormFromProposal({
  tags,
  memberPersonIds,
  onFormed,
}: {
  tags: SuperviseExpertise[];
  memberPersonIds: string[];
  onFormed: (teamId: string) => void;
}) {
  const t = useT();
  const overview = useTeamsOverview();
  const form = useFormSuperviseTeam();
  const centres = overview.data?.formingCentres ?? [];
  const [name, setName] = useState(t('consult.proposal.teamName', { tags: tagsText(t, tags) }));
  const [centreId, setCentreId] = useState('');
  if (!overview.data?.canForm) return null;
  const centre = centreId || (centres.length === 1 ? centres[0]!.id : '');
  return (
    <div className="max-w-2xl">
      <h4 className="mb-2 text-std-16B-170">{t('consult.proposal.form')}</h4>
      <TextField label={t('consult.teams.formName')} value={name} onChange={setName} required />
      {centres.length > 1 && (
        <SelectField
          label={t('consult.teams.formCentre')}
          value={centreId}
          emptyLabel="—"
          onChange={setCentreId}
          options={centres.map((c) => ({ value: c.id, label: c.name }))}
          required
        />
      )}
      {form.error ? <ApiErrorAlert error={form.error} /> : null}
      <Button
        disabled={form.isPending || !name.trim() || (centres.length > 0 && !centre)}
        onClick={() =>
          form.mutate(
            { name: name.trim(), centreId: centre || null, memberPersonIds },
            { onSuccess: (team) => onFormed(team.id) },
          )
        }
      >
        {t('consult.proposal.formAndChoose')}
      </Button>
    </div>
  );
}
