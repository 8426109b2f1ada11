import { useNavigate } from '@tanstack/react-router';
import { Page } from '../../components/Page';
import { useT } from '../../i18n';
import { type CouncilBody, type CreateBodyBody, useCreateBody } from '../../lib/queries/councils';
import { forTrainingRoles } from '../learning/courses/Guard';
import { SaveError } from '../learning/courses/shared';
import { readsCouncils } from './access';
import { BodyForm } from './BodyForm';

/** A new body: the server decides which owners the user may choose (options) and refuses the rest. */
function NewBodyPageInner() {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateBody();
  return (
    <Page title={t('cn.new')}>
      <BodyForm
        pending={create.isPending}
        error={<SaveError<CouncilBody> mutation={create} onReload={() => undefined} />}
        onSubmit={(req) =>
          create.mutate(req as CreateBodyBody, {
            onSuccess: (b) => void navigate({ to: '/councils/$bodyId', params: { bodyId: b.id } }),
          })
        }
      />
    </Page>
  );
}

export const NewBodyPage = forTrainingRoles(readsCouncils, NewBodyPageInner);
