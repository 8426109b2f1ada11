import { HANDBOOK_KIND_LABELS } from '../../../../../src/shared/vocab/registry';
import { useLocale, useT } from '../../../i18n';
import { vocab, vocabOptions } from '../../../i18n/vocab';
import { formatDate, fullName } from '../../../lib/format';
import {
  type ChildRecord,
  type Diagnosis,
  type Guardian,
  HANDBOOK_KINDS,
  type Handbook,
  type Physician,
} from '../../../lib/queries/child-record';
import { CollectionSection } from './CollectionSection';
import type { FieldDef } from './ItemForm';

const GUARDIAN_FIELDS: FieldDef[] = [
  { name: 'familyName', label: 'field.familyName', kind: 'text', required: true },
  { name: 'givenName', label: 'field.givenName', kind: 'text', required: true },
  { name: 'familyKana', label: 'field.familyKana', kind: 'text' },
  { name: 'givenKana', label: 'field.givenKana', kind: 'text' },
  {
    name: 'relationship',
    label: 'field.relationship',
    kind: 'text',
    required: true,
    hint: 'record.relationshipHint',
  },
  { name: 'phone', label: 'field.phone', kind: 'text', autoComplete: 'off' },
  { name: 'email', label: 'field.email', kind: 'text', autoComplete: 'off' },
  { name: 'address', label: 'field.address', kind: 'text' },
  { name: 'isPrimary', label: 'field.isPrimaryGuardian', kind: 'checkbox', wide: true },
];

const DIAGNOSIS_FIELDS: FieldDef[] = [
  { name: 'name', label: 'field.diagnosis', kind: 'text', required: true, wide: true },
  { name: 'icd10', label: 'field.icd10', kind: 'text' },
  { name: 'note', label: 'field.note', kind: 'textarea' },
];

const PHYSICIAN_FIELDS: FieldDef[] = [
  { name: 'hospitalName', label: 'field.hospitalName', kind: 'text', required: true },
  { name: 'department', label: 'field.department', kind: 'text' },
  { name: 'physicianName', label: 'field.physicianName', kind: 'text' },
  { name: 'isPrimary', label: 'field.isPrimaryPhysician', kind: 'checkbox' },
];

/** 保護者・診断名・主治医・障害者手帳: the parts of the overview that are lists. */
export function PeopleSections({ child }: { child: ChildRecord }) {
  const t = useT();
  const { locale } = useLocale();
  const handbookFields: FieldDef[] = [
    {
      name: 'kind',
      label: 'field.handbookKind',
      kind: 'select',
      required: true,
      options: vocabOptions(t, HANDBOOK_KINDS, HANDBOOK_KIND_LABELS),
    },
    { name: 'grade', label: 'field.grade', kind: 'text' },
    { name: 'issuedOn', label: 'field.issuedOn', kind: 'date' },
  ];
  const primary = (
    <span className="ml-2 rounded-4 bg-key-50 px-1.5 text-dns-14B-120 text-key-900">
      {t('record.primary')}
    </span>
  );
  return (
    <>
      <CollectionSection<Guardian>
        child={child}
        collection="guardians"
        id="child-guardians"
        level={3}
        title={t('record.guardians')}
        rows={child.guardians}
        fields={GUARDIAN_FIELDS}
        rowName={(g) => fullName(g.familyName, g.givenName)}
        empty="record.noGuardians"
        addLabel="record.addGuardian"
        columns={[
          {
            label: 'field.name',
            cell: (g) => (
              <>
                <span className="font-bold">{fullName(g.familyName, g.givenName)}</span>
                {g.isPrimary && primary}
                {(g.familyKana || g.givenKana) && (
                  <span className="block text-dns-14N-130 text-solid-gray-700">
                    {fullName(g.familyKana ?? '', g.givenKana ?? '')}
                  </span>
                )}
              </>
            ),
          },
          { label: 'field.relationship', cell: (g) => g.relationship },
          {
            label: 'record.contact',
            cell: (g) => (
              <>
                {g.phone && <span className="block">{g.phone}</span>}
                {g.email && <span className="block break-all">{g.email}</span>}
                {!g.phone && !g.email && t('common.none')}
              </>
            ),
          },
          { label: 'field.address', cell: (g) => g.address ?? t('common.none') },
        ]}
      />
      <CollectionSection<Diagnosis>
        child={child}
        collection="diagnoses"
        id="child-diagnoses"
        level={3}
        title={t('record.diagnoses')}
        rows={child.diagnoses}
        fields={DIAGNOSIS_FIELDS}
        rowName={(d) => d.name}
        empty="record.noDiagnoses"
        addLabel="record.addDiagnosis"
        columns={[
          { label: 'field.diagnosis', cell: (d) => d.name },
          { label: 'field.icd10', cell: (d) => d.icd10 ?? t('common.none') },
          { label: 'field.note', cell: (d) => d.note ?? t('common.none') },
        ]}
      />
      <CollectionSection<Physician>
        child={child}
        collection="physicians"
        id="child-physicians"
        level={3}
        title={t('record.physicians')}
        rows={child.physicians}
        fields={PHYSICIAN_FIELDS}
        rowName={(p) => [p.hospitalName, p.physicianName].filter(Boolean).join(' ')}
        empty="record.noPhysicians"
        addLabel="record.addPhysician"
        columns={[
          {
            label: 'field.hospitalName',
            cell: (p) => (
              <>
                {p.hospitalName}
                {p.isPrimary && primary}
              </>
            ),
          },
          { label: 'field.department', cell: (p) => p.department ?? t('common.none') },
          { label: 'field.physicianName', cell: (p) => p.physicianName ?? t('common.none') },
        ]}
      />
      <CollectionSection<Handbook>
        child={child}
        collection="handbooks"
        id="child-handbooks"
        level={3}
        title={t('record.handbooks')}
        rows={child.handbooks}
        fields={handbookFields}
        rowName={(h) => vocab(t, HANDBOOK_KIND_LABELS, h.kind)}
        empty="record.noHandbooks"
        addLabel="record.addHandbook"
        columns={[
          { label: 'field.handbookKind', cell: (h) => vocab(t, HANDBOOK_KIND_LABELS, h.kind) },
          { label: 'field.grade', cell: (h) => h.grade ?? t('common.none') },
          {
            label: 'field.issuedOn',
            cell: (h) => (h.issuedOn ? formatDate(h.issuedOn, locale) : t('common.none')),
            className: 'whitespace-nowrap',
          },
        ]}
      />
    </>
  );
}
