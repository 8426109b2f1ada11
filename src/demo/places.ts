/**
 * The demo prefecture's gazetteer: its municipalities at their office points, a small file of stations and
 * landmarks as a centre would import it (approximate real coordinates — public facts, not personal data), and
 * the 町字 the demo listings name. Other prefectures of the demo or benchmark get the first and the last.
 */
import type { DbOrTx } from '../db/client';
import { parsePlacesCsv } from '../modules/resources/place-names';
import { referencePlaceRows, refreshListingPlaces, upsertPlaces } from '../modules/resources/places';

/** Stations and landmarks of 神奈川県 in the import format (docs/resources.md §4). */
export const DEMO_PLACES_CSV = `name,kana,kind,municipality_code,lat,lon
藤沢駅,ふじさわえき,station,142051,35.3386,139.4875
辻堂駅,つじどうえき,station,142051,35.3362,139.447
湘南台駅,しょうなんだいえき,station,142051,35.3964,139.4668
江の島,えのしま,landmark,142051,35.2993,139.4801
茅ヶ崎駅,ちがさきえき,station,142077,35.3303,139.4066
平塚駅,ひらつかえき,station,142034,35.3277,139.3495
大船駅,おおふなえき,station,142042,35.354,139.5312
鎌倉駅,かまくらえき,station,142042,35.319,139.5504
横浜駅,よこはまえき,station,141003,35.4658,139.6223
新横浜駅,しんよこはまえき,station,141003,35.5073,139.6176
神奈川県立こども医療センター,かながわけんりつこどもいりょうせんたー,landmark,141003,35.4046,139.547
川崎駅,かわさきえき,station,141305,35.5313,139.6969
武蔵小杉駅,むさしこすぎえき,station,141305,35.5765,139.6596
相模原駅,さがみはらえき,station,141500,35.5817,139.3715
橋本駅,はしもとえき,station,141500,35.5946,139.3449
横須賀中央駅,よこすかちゅうおうえき,station,142018,35.2785,139.67
小田原駅,おだわらえき,station,142069,35.2564,139.1551
逗子駅,ずしえき,station,142085,35.2955,139.58
秦野駅,はだのえき,station,142115,35.3738,139.2199
本厚木駅,ほんあつぎえき,station,142123,35.4393,139.3646
大和駅,やまとえき,station,142131,35.4697,139.4613
伊勢原駅,いせはらえき,station,142140,35.3957,139.3138
海老名駅,えびなえき,station,142158,35.4527,139.3907
寒川駅,さむかわえき,station,143219,35.3737,139.3827
大磯駅,おおいそえき,station,143413,35.3124,139.3111
二宮駅,にのみやえき,station,143421,35.2997,139.2555
`;

/** Seeds the gazetteer of one prefecture after its listings exist (idempotent). */
export async function seedDemoPlaces(db: DbOrTx, prefectureCode: string, now: Date) {
  await upsertPlaces(db, referencePlaceRows(prefectureCode), 'reference', now);
  if (prefectureCode === '14') await upsertPlaces(db, parsePlacesCsv(DEMO_PLACES_CSV).rows, 'import', now);
  await refreshListingPlaces(db, prefectureCode, now);
}
