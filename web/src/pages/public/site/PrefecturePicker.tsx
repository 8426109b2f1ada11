import { SelectField } from '../../../components/Field';
import { useLocale, useT } from '../../../i18n';
import type { PublicSite } from './site-api';
import { usePublicPrefecture } from './site-api';

/** Where a deployment serves several prefectures, the family picks theirs once (kept on this device). */
export function PrefecturePicker({ data }: { data: PublicSite }) {
  const t = useT();
  const { locale } = useLocale();
  const [, setPrefecture] = usePublicPrefecture();
  if (data.prefectures.length <= 1) return null;
  return (
    <form aria-label={t('publicSite.choosePrefecture')} onSubmit={(e) => e.preventDefault()} className="mb-6">
      <SelectField
        label={t('publicSite.prefecture')}
        value={data.site?.prefecture.code ?? ''}
        onChange={(v) => v && setPrefecture(v)}
        emptyLabel={t('publicSite.choosePrefecture')}
        options={data.prefectures.map((p) => ({ value: p.code, label: locale === 'en' ? p.nameEn : p.name }))}
      />
    </form>
  );
}
