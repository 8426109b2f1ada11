/** Records of the surveys module for tests (this module's and the endpoint matrix's world). */
import type { TestClient } from '../../test/app';

/** A small parent survey: a single choice, a multiple choice shown on a condition, a number, a date, a text. */
export function parentSurveyBody(overrides: Record<string, unknown> = {}) {
  return {
    title: '医療的ケア児の保護者アンケート',
    description: 'センターの支援を良くするためのアンケートです。',
    audience: 'parents',
    anonymous: false,
    closesAt: null,
    definition: {
      questions: [
        {
          id: 'satisfied',
          type: 'single',
          title: 'センターの相談に満足していますか',
          required: true,
          choices: [
            { value: 'yes', label: '満足' },
            { value: 'mid', label: 'どちらともいえない' },
            { value: 'no', label: '不満' },
          ],
        },
        {
          id: 'needs',
          type: 'multiple',
          title: '足りないと感じる支援',
          required: false,
          choices: [
            { value: 'short_stay', label: '短期入所' },
            { value: 'nursery', label: '保育所での受け入れ' },
            { value: 'transport', label: '通学・通所の送迎' },
          ],
          showIf: { question: 'satisfied', anyOf: ['mid', 'no'] },
        },
        { id: 'age', type: 'number', title: 'お子さんの年齢', required: false, min: 0, max: 25 },
        { id: 'first_contact', type: 'date', title: '初めて相談した日', required: false },
        { id: 'comment', type: 'long_text', title: 'ご意見', required: false },
      ],
    },
    ...overrides,
  };
}

/** A survey created (and published) through the API; its id and open-link token. */
export async function surveyVia(
  client: TestClient,
  overrides: Record<string, unknown> = {},
  publish = true,
): Promise<{ id: string; openToken: string }> {
  const created = await client.post('/api/surveys', parentSurveyBody(overrides));
  if (created.status !== 201) throw new Error(`survey: ${created.status} ${JSON.stringify(created.body)}`);
  if (!publish) return { id: created.body.id, openToken: '' };
  const opened = await client.post(`/api/surveys/${created.body.id}/status`, { version: 1, status: 'open' });
  if (opened.status !== 200) throw new Error(`publish: ${opened.status} ${JSON.stringify(opened.body)}`);
  const openPath: string = opened.body.openPath ?? '';
  return { id: created.body.id, openToken: openPath.split('/').pop() ?? '' };
}
