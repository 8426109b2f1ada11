import type { DisasterProfile, EmergencySheetView } from '../../lib/queries/disaster';

/** Whether a value holds anything: a non-empty string, a number, a boolean, or an array or object that does. */
function filled(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.some(filled);
  if (typeof v === 'object') return Object.values(v).some(filled);
  return true;
}

/**
 * Whether the centre's part of the disaster profile holds anything yet (its form opens folded then; empty, it is the
 * first entry and opens unfolded). The municipality's plan fields (status, 名簿, review date) are theirs, not this
 * form's first entry.
 */
export function profileRecorded(d: DisasterProfile): boolean {
  const p = d.profile;
  return (
    d.contacts.length > 0 ||
    [
      p.powerDrawWatts,
      p.internalBatteryHours,
      p.externalBatteryHours,
      p.spareBatteries,
      p.spareBatteryHours,
      p.chargers,
      p.backupPower,
      p.backupSubsidised,
      p.oxygenSupplier,
      p.electricityCompany,
      p.electricityRegistered,
      p.electricityRegisteredOn,
      p.evacuation,
      p.evacuationNote,
      p.meisRegistered,
      p.drillDates,
      p.note,
    ].some(filled)
  );
}

/** Whether the emergency sheet's own content holds anything yet. */
export function sheetRecorded(s: EmergencySheetView): boolean {
  return filled(s.sheet);
}
