import { CHILD_STATUS_LABELS, SEX_LABELS, SEXES } from '../../../../../src/shared/vocab/registry';
import type { Translate } from '../../../i18n';
import { vocabOptions } from '../../../i18n/vocab';
import { CHILD_STATUSES } from '../../../lib/queries/registry';
import type { FieldDef } from './ItemForm';

/** The basic facts of a child record, as edited on the record and entered on the new-child form. */
export function basicFields(t: Translate): FieldDef[] {
  return [
    { name: 'familyName', label: 'field.familyName', kind: 'text', required: true },
    { name: 'givenName', label: 'field.givenName', kind: 'text', required: true },
    { name: 'familyKana', label: 'field.familyKana', kind: 'text', required: true },
    { name: 'givenKana', label: 'field.givenKana', kind: 'text', required: true },
    { name: 'birthDate', label: 'field.birthDate', kind: 'date', required: true },
    {
      name: 'sex',
      label: 'field.sex',
      kind: 'select',
      required: true,
      options: vocabOptions(t, SEXES, SEX_LABELS),
    },
    {
      name: 'status',
      label: 'field.status',
      kind: 'select',
      required: true,
      options: vocabOptions(t, CHILD_STATUSES, CHILD_STATUS_LABELS),
    },
    { name: 'statusSince', label: 'field.statusSince', kind: 'date' },
    { name: 'address', label: 'field.address', kind: 'text', wide: true, autoComplete: 'off' },
    { name: 'livingSituation', label: 'field.livingSituation', kind: 'textarea' },
  ];
}
