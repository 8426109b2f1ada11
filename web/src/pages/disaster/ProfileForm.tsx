import { useState } from 'react';
import {
  BACKUP_POWER_KINDS,
  BACKUP_POWER_LABELS,
  DISASTER_CONTACT_KIND_LABELS,
  DISASTER_CONTACT_KINDS,
  EVACUATION_INTENT_LABELS,
  EVACUATION_INTENTS,
  PLAN_STATUS_LABELS,
  PLAN_STATUSES,
} from '../../../../src/shared/vocab/disaster';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Checkbox, Fieldset, SelectField, TextAreaField, TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { vocabOptions } from '../../i18n/vocab';
import { type DisasterProfile, useSaveDisasterProfile } from '../../lib/queries/disaster';
import { FieldRows } from './FieldRows';

type Contact = { kind: string; name: string; organisation: string; phone: string };

const num = (s: string): number | null => (s.trim() === '' ? null : Number(s.trim()));
const str = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const tri = (v: boolean | null) => (v === null ? '' : v ? 'yes' : 'no');
const fromTri = (s: string) => (s === '' ? null : s === 'yes');

/**
 * The disaster profile's form (docs/disaster.md §1): saves under the profile's version (409 on a stale one). The
 * page keys it by that version, so a save draws it afresh: the confirmation goes to the page (`onDone`).
 */
export function ProfileForm({
  data,
  childId,
  onDone,
}: {
  data: DisasterProfile;
  childId: string;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const p = data.profile;
  const save = useSaveDisasterProfile(childId);
  const [f, setF] = useState({
    powerDrawWatts: str(p.powerDrawWatts),
    internalBatteryHours: str(p.internalBatteryHours),
    externalBatteryHours: str(p.externalBatteryHours),
    spareBatteries: str(p.spareBatteries),
    spareBatteryHours: str(p.spareBatteryHours),
    chargers: p.chargers ?? '',
    backupPower: p.backupPower as string[],
    backupSubsidised: tri(p.backupSubsidised),
    oxygenSupplier: p.oxygenSupplier ?? '',
    electricityCompany: p.electricityCompany ?? '',
    electricityRegistered: tri(p.electricityRegistered),
    electricityRegisteredOn: p.electricityRegisteredOn ?? '',
    onMeibo: tri(p.onMeibo),
    planStatus: p.planStatus as string,
    planReviewedOn: p.planReviewedOn ?? '',
    evacuation: p.evacuation ?? '',
    evacuationNote: p.evacuationNote ?? '',
    meisRegistered: tri(p.meisRegistered),
    drillDates: p.drillDates.join(', '),
    note: p.note ?? '',
  });
  const [contacts, setContacts] = useState<Contact[]>(
    data.contacts.map((c) => ({
      kind: c.kind,
      name: c.name ?? '',
      organisation: c.organisation ?? '',
      phone: c.phone ?? '',
    })),
  );
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const yesNo = [
    { value: 'yes', label: t('dis.yes') },
    { value: 'no', label: t('dis.no') },
  ];
  const submit = () => {
    onDone('');
    // mutateAsync: the refetch draws the form afresh (keyed by version) first, and mutate's callbacks never run.
    save
      .mutateAsync({
        powerDrawWatts: num(f.powerDrawWatts),
        internalBatteryHours: num(f.internalBatteryHours),
        externalBatteryHours: num(f.externalBatteryHours),
        spareBatteries: num(f.spareBatteries),
        spareBatteryHours: num(f.spareBatteryHours),
        chargers: f.chargers || null,
        backupPower: f.backupPower as DisasterProfile['profile']['backupPower'],
        backupSubsidised: fromTri(f.backupSubsidised),
        oxygenSupplier: f.oxygenSupplier || null,
        electricityCompany: f.electricityCompany || null,
        electricityRegistered: fromTri(f.electricityRegistered),
        electricityRegisteredOn: f.electricityRegisteredOn || null,
        onMeibo: fromTri(f.onMeibo),
        planStatus: f.planStatus as DisasterProfile['profile']['planStatus'],
        planReviewedOn: f.planReviewedOn || null,
        evacuation: (f.evacuation || null) as DisasterProfile['profile']['evacuation'],
        evacuationNote: f.evacuationNote || null,
        meisRegistered: fromTri(f.meisRegistered),
        drillDates: f.drillDates
          .split(/[,、\s]+/)
          .map((d) => d.trim())
          .filter(Boolean),
        note: f.note || null,
        contacts: contacts.map((c) => ({
          kind: c.kind as DisasterProfile['contacts'][number]['kind'],
          name: c.name || null,
          organisation: c.organisation || null,
          phone: c.phone || null,
        })),
        version: p.version,
      })
      .then(
        () => onDone(t('dis.saved')),
        () => {}, // shown by the alert below
      );
  };
  const disabled = !data.canEdit;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      className="grid gap-4"
    >
      <fieldset disabled={disabled} className="grid gap-4">
        <Fieldset legend={t('dis.power')}>
          <div className="grid gap-4 md:grid-cols-2">
            <TextField
              label={t('dis.powerDraw')}
              inputMode="numeric"
              value={f.powerDrawWatts}
              onChange={set('powerDrawWatts')}
            />
            <TextField
              label={t('dis.internalHours')}
              inputMode="decimal"
              hint={t('dis.internalHint')}
              value={f.internalBatteryHours}
              onChange={set('internalBatteryHours')}
            />
            <TextField
              label={t('dis.externalHours')}
              inputMode="decimal"
              value={f.externalBatteryHours}
              onChange={set('externalBatteryHours')}
            />
            <TextField
              label={t('dis.spareCount')}
              inputMode="numeric"
              value={f.spareBatteries}
              onChange={set('spareBatteries')}
            />
            <TextField
              label={t('dis.spareHours')}
              inputMode="decimal"
              value={f.spareBatteryHours}
              onChange={set('spareBatteryHours')}
            />
            <TextField label={t('dis.chargers')} value={f.chargers} onChange={set('chargers')} />
          </div>
        </Fieldset>
        <Fieldset legend={t('dis.backup')}>
          {BACKUP_POWER_KINDS.map((k) => (
            <Checkbox
              key={k}
              label={BACKUP_POWER_LABELS[k][t.locale]}
              checked={f.backupPower.includes(k)}
              onChange={(on) =>
                setF((x) => ({
                  ...x,
                  backupPower: on ? [...x.backupPower, k] : x.backupPower.filter((b) => b !== k),
                }))
              }
            />
          ))}
          <SelectField
            label={t('dis.subsidised')}
            value={f.backupSubsidised}
            onChange={set('backupSubsidised')}
            options={yesNo}
            emptyLabel={t('dis.unknown')}
          />
        </Fieldset>
        <div className="grid gap-4 md:grid-cols-2">
          <TextField
            label={t('dis.oxygenSupplier')}
            value={f.oxygenSupplier}
            onChange={set('oxygenSupplier')}
          />
          <TextField
            label={t('dis.electricityCompany')}
            value={f.electricityCompany}
            onChange={set('electricityCompany')}
          />
          <SelectField
            label={t('dis.electricityRegistered')}
            value={f.electricityRegistered}
            onChange={set('electricityRegistered')}
            options={yesNo}
            emptyLabel={t('dis.unknown')}
          />
          <TextField
            label={t('dis.registeredOn')}
            hint={t('dis.dateHint')}
            value={f.electricityRegisteredOn}
            onChange={set('electricityRegisteredOn')}
          />
        </div>
        <Fieldset legend={t('dis.municipal')}>
          <div className="grid gap-4 md:grid-cols-3">
            <SelectField
              label={t('dis.onMeibo')}
              value={f.onMeibo}
              onChange={set('onMeibo')}
              options={yesNo}
              emptyLabel={t('dis.unknown')}
            />
            <SelectField
              label={t('dis.planStatus')}
              value={f.planStatus}
              onChange={set('planStatus')}
              options={vocabOptions(t, PLAN_STATUSES, PLAN_STATUS_LABELS)}
            />
            <TextField
              label={t('dis.reviewedOn')}
              hint={t('dis.dateHint')}
              value={f.planReviewedOn}
              onChange={set('planReviewedOn')}
            />
          </div>
        </Fieldset>
        <div className="grid gap-4 md:grid-cols-2">
          <SelectField
            label={t('dis.evacuation')}
            value={f.evacuation}
            onChange={set('evacuation')}
            options={vocabOptions(t, EVACUATION_INTENTS, EVACUATION_INTENT_LABELS)}
            emptyLabel={t('dis.unknown')}
          />
          <TextField
            label={t('dis.evacuationNote')}
            value={f.evacuationNote}
            onChange={set('evacuationNote')}
          />
          <SelectField
            label={t('dis.meis')}
            value={f.meisRegistered}
            onChange={set('meisRegistered')}
            options={yesNo}
            emptyLabel={t('dis.unknown')}
          />
          <TextField
            label={t('dis.drills')}
            hint={t('dis.drillsHint')}
            value={f.drillDates}
            onChange={set('drillDates')}
          />
        </div>
        <FieldRows
          legend={t('dis.contacts')}
          rows={contacts}
          onChange={setContacts}
          empty={{ kind: 'physician', name: '', organisation: '', phone: '' }}
          addLabel={t('dis.addContact')}
          rowClassName="grid gap-2 border-b border-solid-gray-300 pb-3 md:grid-cols-4"
        >
          {(c, setRow) => (
            <>
              <SelectField
                label={t('dis.contactKind')}
                value={c.kind}
                onChange={setRow('kind')}
                options={vocabOptions(t, DISASTER_CONTACT_KINDS, DISASTER_CONTACT_KIND_LABELS)}
              />
              <TextField
                label={t('dis.contactOrg')}
                value={c.organisation}
                onChange={setRow('organisation')}
              />
              <TextField label={t('dis.contactName')} value={c.name} onChange={setRow('name')} />
              <TextField
                label={t('dis.contactPhone')}
                inputMode="tel"
                value={c.phone}
                onChange={setRow('phone')}
              />
            </>
          )}
        </FieldRows>
        <TextAreaField label={t('dis.note')} value={f.note} onChange={set('note')} />
      </fieldset>
      <ApiErrorAlert error={save.error} />
      {data.canEdit && (
        <div>
          <Button type="submit" disabled={save.isPending}>
            {t('dis.save')}
          </Button>
        </div>
      )}
    </form>
  );
}
