import { CARE_ITEMS } from '../care-score';
import type { Label } from './label';

/**
 * The care items of the score table (reference/care-items.json holds their full official names in `ja`/`en`).
 * Lists, checkboxes and table headers show these short names: each tells its item apart from every other
 * (the table's names without their brackets would read 経管栄養 three times and 排便管理 three times).
 * care-items.test.ts checks that every item of the table has one and that none repeats.
 */
export const CARE_ITEM_CODES = CARE_ITEMS.map((i) => i.code) as [string, ...string[]];

export const CARE_ITEM_SHORT_LABELS: Readonly<Record<string, Label>> = {
  ventilator: { ja: '人工呼吸器の管理', en: 'Ventilator' },
  tracheostomy: { ja: '気管切開の管理', en: 'Tracheostomy' },
  nasopharyngeal_airway: { ja: '鼻咽頭エアウェイの管理', en: 'Nasopharyngeal airway' },
  oxygen: { ja: '酸素療法', en: 'Oxygen therapy' },
  suction: { ja: '吸引', en: 'Suctioning' },
  nebulizer: { ja: 'ネブライザーの管理', en: 'Nebulizer' },
  tube_feeding_gastric: { ja: '経管栄養（経鼻胃管・胃瘻）', en: 'Tube feeding (gastric)' },
  tube_feeding_intestinal: { ja: '経管栄養（腸管・腸瘻）', en: 'Tube feeding (intestinal)' },
  feeding_pump: { ja: '経管栄養（持続注入ポンプ）', en: 'Tube feeding (continuous pump)' },
  central_venous_catheter: { ja: '中心静脈カテーテルの管理', en: 'Central venous catheter' },
  subcutaneous_injection: { ja: '皮下注射', en: 'Subcutaneous injection' },
  subcutaneous_pump: { ja: '持続皮下注射ポンプ', en: 'Subcutaneous infusion pump' },
  blood_glucose: { ja: '血糖測定', en: 'Blood glucose measurement' },
  dialysis: { ja: '継続的な透析', en: 'Dialysis' },
  catheterization_intermittent: { ja: '導尿（間欠的）', en: 'Catheterisation (intermittent)' },
  catheterization_continuous: { ja: '導尿（持続的）', en: 'Catheterisation (continuous)' },
  bowel_stoma: { ja: '排便管理（消化管ストーマ）', en: 'Bowel care (stoma)' },
  bowel_manual_or_irrigation: { ja: '排便管理（摘便・洗腸）', en: 'Bowel care (manual, irrigation)' },
  bowel_enema: { ja: '排便管理（浣腸）', en: 'Bowel care (enema)' },
  seizure_management: { ja: '痙攣時の処置', en: 'Seizure care' },
};

/** The care item's name in one language: its short name, or (`full`) the table's official name. */
export function careItemLabel(code: string, lang: 'ja' | 'en', full = false): string {
  if (!full) {
    const short = CARE_ITEM_SHORT_LABELS[code];
    if (short) return short[lang];
  }
  const item = CARE_ITEMS.find((i) => i.code === code);
  return item ? item[lang] : code;
}
