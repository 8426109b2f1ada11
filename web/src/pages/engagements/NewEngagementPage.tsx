import { useNavigate, useSearch } from '@tanstack/react-router';
import { ENGAGEMENT_KINDS } from '../../../../src/shared/vocab/engagements';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { useCreateEngagement, useEngagementOptions } from '../../lib/queries/engagements';
import { forTrainingRoles } from '../learning/courses/Guard';
import { recordsEngagements } from './access';
import { draftOf, EngagementForm } from './EngagementForm';
import type { NewEngagementSearch } from './search';

/** Records a hearing visit, a four-division meeting or a support log entry, then opens it. */
function NewScreen() {
  const t = useT();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as NewEngagementSearch;
  const kind = search.kind ?? 'support';
  const options = useEngagementOptions();
  const create = useCreateEngagement();
  const title = t(`eng.record.${kind}`);
  return (
    <Page title={title} intro={t(`eng.new.intro.${kind}`)}>
      <nav aria-label={t('eng.new.kinds')} className="mb-6 flex flex-wrap gap-x-6">
        {ENGAGEMENT_KINDS.filter((k) => k !== kind).map((k) => (
          <button
            key={k}
            type="button"
            className="min-h-11 text-key-900 underline underline-offset-4"
            onClick={() => void navigate({ to: '/engagements/new', search: { ...search, kind: k } })}
          >
            {t(`eng.record.${k}`)}
          </button>
        ))}
      </nav>
      <QueryState query={options}>
        {(o) => {
          const only = o.municipalities.length === 1 ? o.municipalities[0]!.code : '';
          return (
            <EngagementForm
              key={kind}
              kind={kind}
              initial={draftOf(null, search.municipalityCode ?? only, o.today)}
              municipalities={o.municipalities}
              error={create.error}
              pending={create.isPending}
              submitLabel={t('eng.form.record')}
              onCancel={() => void navigate({ to: '/engagements', search: {} })}
              onSubmit={(draft) =>
                create.mutate(
                  { ...draft, kind },
                  {
                    onSuccess: (e) =>
                      void navigate({ to: '/engagements/$engagementId', params: { engagementId: e.id } }),
                  },
                )
              }
            />
          );
        }}
      </QueryState>
    </Page>
  );
}

export const NewEngagementPage = forTrainingRoles(recordsEngagements, NewScreen);
