import { useNavigate, useParams } from '@tanstack/react-router';
import { StatusMessage } from '../../components/Alert';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { useStory, useStoryOptions, useUpdateStory } from '../../lib/queries/good-practices';
import { forTrainingRoles } from '../learning/courses/Guard';
import { NotFoundPage } from '../NotFoundPage';
import { writesStories } from './access';
import { type StoryFields, StoryForm, toBody } from './StoryForm';

/** Editing a story; a checked or published one goes back to draft when saved (the page says so first). */
function EditStoryPageInner() {
  const t = useT();
  const navigate = useNavigate();
  const { storyId } = useParams({ strict: false }) as { storyId: string };
  const story = useStory(storyId);
  const options = useStoryOptions();
  const update = useUpdateStory(storyId);
  if (isApiError(story.error, 'not_found')) return <NotFoundPage />;
  return (
    <Page title={t('gp.form.editTitle')} intro={t('gp.form.intro')}>
      <QueryState query={story}>
        {(s) => {
          if (!options.data) return null;
          if (!s.actions.edit) return <NotFoundPage />;
          const initial: StoryFields = {
            title: s.title,
            summary: s.summary,
            body: s.body,
            topics: s.topics as never,
            lifeElements: s.lifeElements as never,
            requests: s.requests as never,
            municipalActions: s.municipalActions as never,
            lifeStages: s.lifeStages as never,
            careItems: s.careItems as never,
            regionId: s.region.id,
            municipalityCode: s.municipality?.code ?? null,
            solverMunicipalityCode: s.solverMunicipality?.code ?? null,
            solverOrganisationId: s.solverOrganisation?.id ?? null,
            solverOrganisationName: s.solverOrganisation?.name ?? null,
            solverText: s.solverText,
            contactPersonId: s.contact?.personId ?? null,
            contactName: s.contact
              ? [s.contact.name, s.contact.organisation].filter(Boolean).join('・')
              : null,
            contactConsentOn: s.contact?.consentOn ?? null,
            contactNote: s.contact?.note ?? null,
            solvedOn: s.solvedOn,
          };
          return (
            <>
              {s.status !== 'draft' && (
                <StatusMessage tone="info">{t('gp.edit.warnPublished')}</StatusMessage>
              )}
              <StoryForm
                initial={initial}
                options={options.data}
                pending={update.isPending}
                error={update.error}
                onSubmit={(f) =>
                  update.mutate(
                    { ...toBody(f), version: s.version },
                    {
                      onSuccess: () => void navigate({ to: '/good-practices/$storyId', params: { storyId } }),
                    },
                  )
                }
              />
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}

export const EditStoryPage = forTrainingRoles(writesStories, EditStoryPageInner);
