import { describe, expect, it } from 'vitest';
import type { DisasterProfile, EmergencySheetView } from '../../lib/queries/disaster';
import { profileRecorded, sheetRecorded } from './recorded';

const EMPTY_PROFILE = {
  powerDrawWatts: null,
  internalBatteryHours: null,
  externalBatteryHours: null,
  spareBatteries: null,
  spareBatteryHours: null,
  chargers: null,
  backupPower: [],
  backupSubsidised: null,
  oxygenSupplier: null,
  electricityCompany: null,
  electricityRegistered: null,
  electricityRegisteredOn: null,
  onMeibo: null,
  planStatus: 'none',
  planReviewedOn: null,
  evacuation: null,
  evacuationNote: null,
  meisRegistered: null,
  drillDates: [],
  note: null,
  version: 0,
};

const profile = (p: Record<string, unknown>, contacts: unknown[] = []) =>
  ({ profile: { ...EMPTY_PROFILE, ...p }, contacts }) as unknown as DisasterProfile;
const sheet = (s: Record<string, unknown>) => ({ sheet: s }) as unknown as EmergencySheetView;

describe('whether the disaster page’s forms open folded', () => {
  it('an empty profile is a first entry; the municipality’s plan alone does not count', () => {
    expect(profileRecorded(profile({}))).toBe(false);
    expect(profileRecorded(profile({ planStatus: 'agreed', onMeibo: true, version: 2 }))).toBe(false);
    expect(profileRecorded(profile({ chargers: '  ' }))).toBe(false);
  });

  it('a field, a backup power or an emergency contact is recorded data', () => {
    expect(profileRecorded(profile({ internalBatteryHours: 0 }))).toBe(true);
    expect(profileRecorded(profile({ backupSubsidised: false }))).toBe(true);
    expect(profileRecorded(profile({ backupPower: ['generator'] }))).toBe(true);
    expect(profileRecorded(profile({}, [{ kind: 'physician', name: '岬 透' }]))).toBe(true);
  });

  it('a sheet counts once any of its content is written, empty vitals and rows aside', () => {
    expect(sheetRecorded(sheet({}))).toBe(false);
    expect(
      sheetRecorded(sheet({ baselineVitals: { spo2: '' }, emergencies: [{ problem: '', handling: '' }] })),
    ).toBe(false);
    expect(sheetRecorded(sheet({ baselineVitals: { spo2: '95%' } }))).toBe(true);
    expect(sheetRecorded(sheet({ bloodType: 'A+' }))).toBe(true);
  });
});
