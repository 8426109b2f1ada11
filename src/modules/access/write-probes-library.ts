/**
 * The library's write operations naming an item (write-probes.ts explains the classification): the centre's
 * changes, caption tracks included (other roles read but keep nothing, so they are refused before the id is
 * read), and a handout from a consultation (every reader of the item; the consultation's own scope decides after
 * the item is found).
 */
import { on, type Probe, v } from './write-probe-kit';

const item =
  (path = '') =>
  (i: { libraryItem: string }) =>
    `/api/library/items/${i.libraryItem}${path}`;

export const LIBRARY_PROBES: Record<string, Probe> = {
  'PATCH /api/library/items/{id}': on('library_item', item(), { version: v, title: '変更' }),
  'POST /api/library/items/{id}/versions': on('library_item', item('/versions'), {
    version: v,
    url: 'https://example.jp/new',
  }),
  'PUT /api/library/items/{id}/file': on('library_item', (i) => `${item('/file')(i)}?version=1&name=x.pdf`),
  'PUT /api/library/items/{id}/captions/{language}': on(
    'library_item',
    (i) => `${item('/captions/ja')(i)}?version=1&name=ja.vtt`,
  ),
  'DELETE /api/library/items/{id}/captions/{language}': on(
    'library_item',
    (i) => `${item('/captions/ja')(i)}?version=1`,
  ),
  'POST /api/library/items/{id}/archive': on('library_item', item('/archive'), {
    version: v,
    archived: true,
  }),
  'POST /api/library/items/{id}/handouts': on('library_handout', item('/handouts'), {
    consultationId: '00000000-0000-4000-8000-000000000000',
    recipient: 'family',
  }),
};
