import { useState } from 'react';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Fieldset, TextAreaField, TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { type EmergencySheetView, useSaveEmergencySheet } from '../../lib/queries/disaster';
import { FieldRows } from './FieldRows';

type Emergency = { problem: string; handling: string };

/**
 * The emergency sheet's own content (docs/disaster.md §7): a change to it clears the family's confirmation
 * (SheetConfirm), so the family confirms what they saw. The page keys it by the sheet's version, so a save draws it
 * afresh: the confirmation goes to the page (`onDone`).
 */
export function SheetForm({
  data,
  childId,
  onDone,
}: {
  data: EmergencySheetView;
  childId: string;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const s = data.sheet;
  const v = s.baselineVitals ?? {};
  const save = useSaveEmergencySheet(childId);
  const [f, setF] = useState({
    bloodType: s.bloodType ?? '',
    deviceSettings: s.deviceSettings ?? '',
    spo2: v.spo2 ?? '',
    heartRate: v.heartRate ?? '',
    respiratoryRate: v.respiratoryRate ?? '',
    temperature: v.temperature ?? '',
    bloodPressure: v.bloodPressure ?? '',
    neuroBaseline: s.neuroBaseline ?? '',
    medicines: s.medicines ?? '',
    allergies: s.allergies ?? '',
    avoid: s.avoid ?? '',
    wishes: s.wishes ?? '',
  });
  const [emergencies, setEmergencies] = useState<Emergency[]>(
    s.emergencies?.length ? s.emergencies : [{ problem: '', handling: '' }],
  );
  const set = (k: keyof typeof f) => (x: string) => setF((y) => ({ ...y, [k]: x }));
  return (
    <form
      className="grid gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        onDone('');
        // mutateAsync: the refetch draws the form afresh (keyed by version) first, and mutate's callbacks never run.
        save
          .mutateAsync({
            sheet: {
              bloodType: f.bloodType,
              deviceSettings: f.deviceSettings,
              baselineVitals: {
                spo2: f.spo2,
                heartRate: f.heartRate,
                respiratoryRate: f.respiratoryRate,
                temperature: f.temperature,
                bloodPressure: f.bloodPressure,
              },
              neuroBaseline: f.neuroBaseline,
              medicines: f.medicines,
              allergies: f.allergies,
              avoid: f.avoid,
              emergencies: emergencies.filter((x) => x.problem.trim()),
              wishes: f.wishes,
            },
            version: data.version,
          })
          .then(
            () => onDone(t('dis.saved')),
            () => {}, // shown by the alert below
          );
      }}
    >
      <fieldset disabled={!data.canEdit} className="grid gap-4">
        <div className="grid gap-4 md:grid-cols-2">
          <TextField label={t('dis.sheet.bloodType')} value={f.bloodType} onChange={set('bloodType')} />
        </div>
        <TextAreaField
          label={t('dis.sheet.deviceSettings')}
          hint={t('dis.sheet.deviceSettingsHint')}
          value={f.deviceSettings}
          onChange={set('deviceSettings')}
        />
        <Fieldset legend={t('dis.sheet.vitals')}>
          <div className="grid gap-4 md:grid-cols-3">
            <TextField label="SpO₂" value={f.spo2} onChange={set('spo2')} />
            <TextField label={t('dis.sheet.heartRate')} value={f.heartRate} onChange={set('heartRate')} />
            <TextField
              label={t('dis.sheet.respiratoryRate')}
              value={f.respiratoryRate}
              onChange={set('respiratoryRate')}
            />
            <TextField
              label={t('dis.sheet.temperature')}
              value={f.temperature}
              onChange={set('temperature')}
            />
            <TextField
              label={t('dis.sheet.bloodPressure')}
              value={f.bloodPressure}
              onChange={set('bloodPressure')}
            />
          </div>
        </Fieldset>
        <TextAreaField label={t('dis.sheet.neuro')} value={f.neuroBaseline} onChange={set('neuroBaseline')} />
        <TextAreaField label={t('dis.sheet.medicines')} value={f.medicines} onChange={set('medicines')} />
        <TextAreaField label={t('dis.sheet.allergies')} value={f.allergies} onChange={set('allergies')} />
        <TextAreaField label={t('dis.sheet.avoid')} value={f.avoid} onChange={set('avoid')} />
        <FieldRows
          legend={t('dis.sheet.emergencies')}
          rows={emergencies}
          onChange={setEmergencies}
          empty={{ problem: '', handling: '' }}
          addLabel={t('dis.sheet.addEmergency')}
          rowClassName="grid gap-2 md:grid-cols-2"
        >
          {(x, setRow) => (
            <>
              <TextField label={t('dis.sheet.problem')} value={x.problem} onChange={setRow('problem')} />
              <TextAreaField
                label={t('dis.sheet.handling')}
                value={x.handling}
                onChange={setRow('handling')}
              />
            </>
          )}
        </FieldRows>
        <TextAreaField label={t('dis.sheet.wishes')} value={f.wishes} onChange={set('wishes')} />
      </fieldset>
      <ApiErrorAlert error={save.error} />
      {data.canEdit && (
        <div>
          <Button type="submit" disabled={save.isPending}>
            {t('dis.sheet.save')}
          </Button>
        </div>
      )}
    </form>
  );
}
