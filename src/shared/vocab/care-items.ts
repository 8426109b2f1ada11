import { CARE_ITEMS } from '../care-score';
import type { Label } from './label';

/**
 * The care items of the score table (reference/care-items.json holds their full official names in `ja`/`en`).
 * Lists, checkboxes and table headers show these names: the table's own wording, with the qualifier that tells
 * an item from its siblings always kept (経管栄養 ×3, 導尿 ×2, 排便管理 ×3, その他の注射管理 ×2) and only the
 * examples of a long entry left out (the table's "(… を含む)", "：インスリン、麻薬など"). Every name must be
 * unique within its language: care-items.test.ts checks it, and that each starts as the table's name does.
 */
export const CARE_ITEM_CODES = CARE_ITEMS.map((i) => i.code) as [string, ...string[]];

export const CARE_ITEM_SHORT_LABELS: Readonly<Record<string, Label>> = {
  ventilator: { ja: '人工呼吸器の管理', en: 'Ventilator management' },
  tracheostomy: { ja: '気管切開の管理', en: 'Tracheostomy management' },
  nasopharyngeal_airway: { ja: '鼻咽頭エアウェイの管理', en: 'Nasopharyngeal airway' },
  oxygen: { ja: '酸素療法', en: 'Oxygen therapy' },
  suction: { ja: '吸引（口鼻腔・気管内吸引）', en: 'Suctioning (oral, nasal, tracheal)' },
  nebulizer: { ja: 'ネブライザーの管理', en: 'Nebulizer / inhaled medication' },
  tube_feeding_gastric: {
    ja: '経管栄養（経鼻胃管、胃瘻）',
    en: 'Tube feeding: nasogastric tube, gastrostomy',
  },
  tube_feeding_intestinal: {
    ja: '経管栄養（経鼻腸管、経胃瘻腸管、腸瘻、食道瘻）',
    en: 'Tube feeding: nasointestinal, jejunal, esophagostomy',
  },
  feeding_pump: { ja: '経管栄養（持続経管注入ポンプ使用）', en: 'Tube feeding: continuous feeding pump' },
  central_venous_catheter: { ja: '中心静脈カテーテルの管理', en: 'Central venous catheter' },
  subcutaneous_injection: { ja: 'その他の注射管理（皮下注射）', en: 'Other injections: subcutaneous' },
  subcutaneous_pump: {
    ja: 'その他の注射管理（持続皮下注射ポンプ使用）',
    en: 'Other injections: continuous subcutaneous pump',
  },
  blood_glucose: { ja: '血糖測定', en: 'Blood glucose measurement' },
  dialysis: { ja: '継続的な透析', en: 'Continuous dialysis' },
  catheterization_intermittent: {
    ja: '導尿（利用時間中の間欠的導尿）',
    en: 'Urinary catheterisation: intermittent',
  },
  catheterization_continuous: {
    ja: '導尿（持続的導尿）',
    en: 'Urinary catheterisation: continuous drainage',
  },
  bowel_stoma: { ja: '排便管理（消化管ストーマ）', en: 'Bowel management: intestinal stoma' },
  bowel_manual_or_irrigation: {
    ja: '排便管理（摘便、洗腸）',
    en: 'Bowel management: manual evacuation, irrigation',
  },
  bowel_enema: { ja: '排便管理（浣腸）', en: 'Bowel management: enema' },
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
