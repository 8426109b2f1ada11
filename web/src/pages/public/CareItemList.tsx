import type { CareItem, WatchLevel } from '../../../../src/shared/care-score';
import { watchLevelsOf } from '../../../../src/shared/care-score';
import { useLocale, useT } from '../../i18n';

/** The items chosen so far: code → watch level. */
export type CareSelection = Record<string, WatchLevel>;

/** The 未確認 mark of rows and rules not yet checked against the official table. */
export function UnverifiedMark() {
  const t = useT();
  return (
    <span className="ml-2 inline-block rounded-4 border border-solid-gray-900 bg-yellow-100 px-1.5 align-middle text-dns-14B-120 text-solid-gray-900">
      {t('careScore.unverified')}
    </span>
  );
}

function ItemRow({
  item,
  watch,
  onChange,
}: {
  item: CareItem;
  watch: WatchLevel | undefined;
  onChange: (watch: WatchLevel | undefined) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const id = `care-${item.code}`;
  const name = locale === 'ja' ? item.ja : item.en;
  const levels = watchLevelsOf(item);
  const checked = watch !== undefined;
  return (
    <div className={`border-t border-solid-gray-200 py-3 first:border-t-0 ${checked ? '' : 'print:hidden'}`}>
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked ? 'low' : undefined)}
          aria-describedby={`${id}-points`}
          className="mt-2 size-6 shrink-0 accent-key-900"
        />
        <div className="min-w-0">
          <label htmlFor={id} className="block py-1 text-std-16B-170 text-solid-gray-900">
            {name}
          </label>
          <p id={`${id}-points`} className="text-std-16N-170 text-solid-gray-700">
            {t('careScore.base', { n: item.base })}
            {levels.length === 1 && ` ・ ${t('careScore.watchNone')}`}
            {!item.verified && <UnverifiedMark />}
          </p>
        </div>
      </div>
      {checked && levels.length > 1 && (
        <fieldset className="mt-2 ml-9">
          <legend className="text-std-16B-170 text-solid-gray-900">
            {t('careScore.watch')}
            <span className="sr-only">: {name}</span>
          </legend>
          <div className="flex flex-wrap gap-x-4">
            {levels.map((level) => (
              <div key={level} className="flex min-h-11 items-center gap-2">
                <input
                  id={`${id}-${level}`}
                  type="radio"
                  name={`${id}-watch`}
                  value={level}
                  checked={watch === level}
                  onChange={() => onChange(level)}
                  className="size-6 shrink-0 accent-key-900"
                />
                <label htmlFor={`${id}-${level}`} className="text-std-16N-170 text-solid-gray-900">
                  {t('careScore.watchOption', {
                    level: t(`careScore.watch.${level}`),
                    points: item.watch[level]!,
                  })}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      )}
    </div>
  );
}

/**
 * Every row of the table, grouped by the official table's number (several sub-items share one number):
 * a checkbox per item and, once ticked, radio buttons for the watch levels that item defines.
 */
export function CareItemList({
  items,
  selection,
  onChange,
}: {
  items: readonly CareItem[];
  selection: CareSelection;
  onChange: (code: string, watch: WatchLevel | undefined) => void;
}) {
  const t = useT();
  const groups = new Map<number, CareItem[]>();
  for (const item of items) groups.set(item.no, [...(groups.get(item.no) ?? []), item]);
  return (
    <ol className="list-none space-y-3 p-0">
      {[...groups].map(([no, rows]) => {
        const anyChecked = rows.some((r) => selection[r.code] !== undefined);
        return (
          <li
            key={no}
            className={`rounded-8 border border-solid-gray-300 bg-white px-4 py-1 ${anyChecked ? 'border-key-900' : 'print:hidden'}`}
          >
            <p className="pt-2 text-dns-14B-120 text-solid-gray-700">{t('careScore.groupNo', { no })}</p>
            {rows.map((item) => (
              <ItemRow
                key={item.code}
                item={item}
                watch={selection[item.code]}
                onChange={(w) => onChange(item.code, w)}
              />
            ))}
          </li>
        );
      })}
    </ol>
  );
}
