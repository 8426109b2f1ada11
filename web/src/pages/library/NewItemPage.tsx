import { useNavigate } from '@tanstack/react-router';
import { Page } from '../../components/Page';
import { useT } from '../../i18n';
import { useCreateItem } from '../../lib/queries/library';
import { forTrainingRoles } from '../learning/courses/Guard';
import { keepsLibrary } from './access';
import { ItemForm } from './ItemForm';

function NewItemPageInner() {
  const t = useT();
  const create = useCreateItem();
  const navigate = useNavigate();
  return (
    <Page title={t('lib.form.newTitle')}>
      <ItemForm
        pending={create.isPending}
        error={create.error}
        onSubmit={(v) =>
          create.mutate(
            { ...v, url: v.url || undefined },
            { onSuccess: (item) => void navigate({ to: '/library/$itemId', params: { itemId: item.id } }) },
          )
        }
      />
    </Page>
  );
}

export const NewItemPage = forTrainingRoles(keepsLibrary, NewItemPageInner);
