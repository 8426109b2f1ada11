/**
 * The point of each municipality's office (市役所・町村役場), rounded to about 100 m: a public fact, used as the
 * municipality's reference point by the public search's gazetteer (a municipality searched by name, the map's
 * base labels) and by the demo to place its listings. Held for the demo prefecture (神奈川県) today; other
 * prefectures get theirs by import (`tsunagu places import`, kind `municipality`) or from the centroid of their
 * listings. Not bundled into the web client.
 */
export const MUNICIPAL_OFFICES: Readonly<Record<string, readonly [number, number]>> = {
  '141003': [35.4506, 139.6317], // 横浜市
  '141305': [35.5308, 139.7029], // 川崎市
  '141500': [35.5714, 139.3733], // 相模原市
  '142018': [35.281, 139.6722], // 横須賀市
  '142034': [35.335, 139.3494], // 平塚市
  '142042': [35.3192, 139.5467], // 鎌倉市
  '142051': [35.339, 139.49], // 藤沢市
  '142069': [35.2646, 139.1522], // 小田原市
  '142077': [35.3339, 139.4036], // 茅ヶ崎市
  '142085': [35.2958, 139.578], // 逗子市
  '142107': [35.1441, 139.6206], // 三浦市
  '142115': [35.3747, 139.2202], // 秦野市
  '142123': [35.443, 139.3626], // 厚木市
  '142131': [35.4872, 139.458], // 大和市
  '142140': [35.3951, 139.3139], // 伊勢原市
  '142158': [35.4465, 139.3909], // 海老名市
  '142166': [35.4886, 139.4078], // 座間市
  '142174': [35.3206, 139.0994], // 南足柄市
  '142182': [35.4372, 139.4268], // 綾瀬市
  '143014': [35.2722, 139.5861], // 葉山町
  '143219': [35.3727, 139.3839], // 寒川町
  '143413': [35.3069, 139.3111], // 大磯町
  '143421': [35.299, 139.2555], // 二宮町
  '143618': [35.3307, 139.2186], // 中井町
  '143626': [35.3267, 139.1566], // 大井町
  '143634': [35.3482, 139.1394], // 松田町
  '143642': [35.3604, 139.0838], // 山北町
  '143669': [35.335, 139.1481], // 開成町
  '143821': [35.2326, 139.1069], // 箱根町
  '143839': [35.1585, 139.1375], // 真鶴町
  '143847': [35.1477, 139.1083], // 湯河原町
  '144011': [35.5288, 139.3218], // 愛川町
  '144029': [35.4829, 139.278], // 清川村
};

/** The municipality's reference point, or undefined when the product holds none. */
export function municipalOffice(code: string): { latitude: number; longitude: number } | undefined {
  const p = MUNICIPAL_OFFICES[code];
  return p ? { latitude: p[0], longitude: p[1] } : undefined;
}
