import { Button } from '../../components/Button';
import { Table, Td, Th } from '../../components/Table';
import { useT } from '../../i18n';
import { type ActionItem, useUpdateActionItem } from '../../lib/queries/councils';
import { SaveError } from '../learning/courses/shared';
import { DueText, ItemSource } from './shared';

/** Action items with their owner and due date; whoever may change one marks it done (or reopens it) here. */
export function ActionItemsTable({
  items,
  showSource = false,
  showOwner = true,
}: {
  items: ActionItem[];
  showSource?: boolean;
  showOwner?: boolean;
}) {
  const t = useT();
  const update = useUpdateActionItem();
  if (items.length === 0) return <p role="status">{t('cn.noActionItems')}</p>;
  return (
    <>
      <SaveError<ActionItem> mutation={update} onReload={() => undefined} />
      <Table caption={t('cn.actionItemsCaption')}>
        <thead>
          <tr>
            <Th>{t('cn.item.title')}</Th>
            {showOwner && <Th>{t('cn.item.owner')}</Th>}
            <Th>{t('cn.item.due')}</Th>
            <Th>
              <span className="sr-only">{t('cn.actions')}</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id} className={i.status === 'done' ? 'text-solid-gray-700' : ''}>
              <Td className="min-w-64">
                <span className={i.status === 'done' ? 'line-through' : 'text-std-16B-170'}>{i.title}</span>
                {showSource && <ItemSource item={i} />}
              </Td>
              {showOwner && <Td className="min-w-32">{i.ownerName}</Td>}
              <Td className="min-w-48">
                <DueText item={i} />
              </Td>
              <Td className="whitespace-nowrap">
                {i.canChange && (
                  <Button
                    variant="secondary"
                    disabled={update.isPending}
                    onClick={() =>
                      update.mutate({
                        itemId: i.id,
                        version: i.version,
                        status: i.status === 'open' ? 'done' : 'open',
                      })
                    }
                  >
                    {i.status === 'open' ? t('cn.item.done') : t('cn.item.reopen')}
                  </Button>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
