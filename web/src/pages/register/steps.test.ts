import { describe, expect, it } from 'vitest';
import type { Translate } from '../../i18n';
import {
  checkDraft,
  emptyDraft,
  errorsOnStep,
  type FormDraft,
  firstStepWithErrors,
  STEPS,
  stepOf,
} from './form';

const t = Object.assign((key: string) => key, { locale: 'ja' as const }) as unknown as Translate;

/** A draft that passes every client check. */
function filled(): FormDraft {
  const d = emptyDraft();
  d.child = {
    familyName: '髙橋',
    givenName: '悠斗',
    familyKana: 'たかはし',
    givenKana: 'ゆうと',
    birthDate: '令和6年4月5日',
    sex: 'male',
    municipalityCode: '142051',
    address: '藤沢1-2-3',
    livingSituation: '',
  };
  d.guardians = [
    { ...d.guardians[0]!, familyName: '髙橋', givenName: '美咲', relationship: '母', phone: '090' },
  ];
  return d;
}

describe('stepOf', () => {
  it('puts each field, client or server path, on the step that asks for it', () => {
    const cases: [string, (typeof STEPS)[number]][] = [
      ['child.familyName', 'child'],
      ['child.birthDate', 'child'],
      ['child.municipalityCode', 'child'],
      ['child.address', 'child'],
      ['child.diagnoses.0.name', 'child'],
      ['child.careItems', 'care'],
      ['child.careItems.2.watch', 'care'],
      ['child.devices.0.kind', 'care'],
      ['child.devices.1.batteryHours', 'care'],
      ['child.livingSituation', 'care'],
      ['guardians', 'people'],
      ['guardians.1.phone', 'people'],
      ['submitter.name', 'people'],
      ['submitterKind', 'people'],
      ['consents.statistics', 'send'],
      ['', 'send'],
    ];
    for (const [path, step] of cases) expect(STEPS[stepOf(path)], path).toBe(step);
  });
});

describe('errorsOnStep', () => {
  it('splits the empty form’s errors by step, losing none', () => {
    const d = emptyDraft();
    d.devices = [{ kind: '', needsMains: false, batteryHours: 'x' }];
    const all = checkDraft(d, t);
    const parts = STEPS.map((_, i) => errorsOnStep(all, i));
    expect(Object.keys(parts[0]!)).toEqual([
      'child.familyName',
      'child.givenName',
      'child.familyKana',
      'child.givenKana',
      'child.birthDate',
      'child.sex',
      'child.municipalityCode',
      'child.address',
    ]);
    expect(Object.keys(parts[1]!)).toEqual(['child.devices.0.kind', 'child.devices.0.batteryHours']);
    expect(Object.keys(parts[2]!)).toEqual([
      'guardians.0.familyName',
      'guardians.0.givenName',
      'guardians.0.relationship',
      'guardians.0.phone',
    ]);
    expect(parts[3]).toEqual({});
    expect(Object.assign({}, ...parts)).toEqual(all);
  });

  it('finds nothing on a step whose fields are right while another step still has errors', () => {
    const d = filled();
    d.guardians[0]!.phone = '';
    d.submitterKind = 'hospital';
    const all = checkDraft(d, t);
    expect(errorsOnStep(all, 0)).toEqual({});
    expect(errorsOnStep(all, 1)).toEqual({});
    expect(Object.keys(errorsOnStep(all, 2))).toEqual([
      'guardians.0.phone',
      'submitter.name',
      'submitter.organisation',
      'submitter.phone',
    ]);
  });
});

describe('firstStepWithErrors', () => {
  it('is the earliest step with an error, whatever order the paths come in', () => {
    expect(firstStepWithErrors({})).toBeNull();
    expect(firstStepWithErrors(checkDraft(filled(), t))).toBeNull();
    expect(firstStepWithErrors({ 'guardians.0.phone': 'x', 'child.devices.0.kind': 'y' })).toBe(1);
    expect(firstStepWithErrors({ 'consents.statistics': 'x', 'child.familyKana': 'y' })).toBe(0);
    expect(firstStepWithErrors({ 'consents.statistics': 'x' })).toBe(3);
  });
});
