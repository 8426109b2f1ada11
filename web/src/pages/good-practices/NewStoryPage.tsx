import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { useCreateStory, usePrefill, useStoryOptions } from '../../lib/queries/good-practices';
import { forTrainingRoles } from '../learning/courses/Guard';
import { writesStories } from './access';
import { emptyStory, type StoryFields, StoryForm, toBody } from './StoryForm';
import { parseNewStorySearch } from './search';

/** Writing a story, directly or from a consultation, an engagement or a meeting (pre-filled without personal data). */
function NewStoryPageInner() {
  const t = useT();
  const navigate = useNavigate();
  const raw = useSearch({ strict: false }) as Record<string, unknown>;
  const from = useMemo(() => parseNewStorySearch(raw), [raw]);
  const options = useStoryOptions();
  const prefill = usePrefill(from.sourceKind, from.sourceId);
  const create = useCreateStory();
  const submit = (f: StoryFields) => {
    const source =
      from.sourceKind && from.sourceId
        ? { kind: from.sourceKind as 'consultation', id: from.sourceId }
        : null;
    create.mutate(
      { ...toBody(f), source },
      { onSuccess: (s) => void navigate({ to: '/good-practices/$storyId', params: { storyId: s.id } }) },
    );
  };
  return (
    <Page title={t('gp.form.newTitle')} intro={t('gp.form.intro')}>
      <QueryState query={options}>
        {(opts) => {
          const p = prefill.data;
          // Written from a source: the form waits for the pre-fill (a source the writer cannot see: not found).
          if (from.sourceKind && !p) return <QueryState query={prefill}>{() => null}</QueryState>;
          const initial: StoryFields = p
            ? {
                ...emptyStory(),
                title: p.title,
                summary: p.summary,
                body: p.body,
                topics: p.topics as never,
                lifeElements: p.lifeElements as never,
                requests: p.requests as never,
                municipalActions: p.municipalActions as never,
                regionId: p.regionId && opts.regions.some((r) => r.id === p.regionId) ? p.regionId : '',
                municipalityCode:
                  p.municipalityCode && opts.municipalities.some((m) => m.code === p.municipalityCode)
                    ? p.municipalityCode
                    : null,
                solverMunicipalityCode: p.solverMunicipalityCode,
                solverText: p.solverText,
                solvedOn: p.solvedOn,
              }
            : emptyStory();
          return (
            <>
              {p && (
                <div className="mb-6 max-w-3xl rounded-8 border border-solid-gray-300 p-4">
                  <p className="text-std-16B-170">{t('gp.form.from', { label: p.sourceLabel })}</p>
                  <p className="text-std-16N-170">{t('gp.form.fromNote')}</p>
                </div>
              )}
              <StoryForm
                initial={initial}
                options={opts}
                pending={create.isPending}
                error={create.error}
                onSubmit={submit}
              />
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}

export const NewStoryPage = forTrainingRoles(writesStories, NewStoryPageInner);
