import { useNavigate, useSearch } from '@tanstack/react-router';
import { currentNendo } from '../../../../src/shared/nendo';
import { SelectField } from '../../components/Field';
import { Page } from '../../components/Page';
import { useLocale, useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { useCensusSources } from '../../lib/queries/census';
import { NotFoundPage } from '../NotFoundPage';
import { ImportsSection } from './ImportsSection';
import { nendoLabel } from './labels';
import { RunsSection } from './RunsSection';
import { SourcesSection } from './SourcesSection';
import { UploadWizard } from './UploadWizard';
import { useCensusOwnList, useCensusWrite } from './use-census-write';

export type CensusSearch = { nendo?: number };

export function parseCensusSearch(raw: Record<string, unknown>): CensusSearch {
  const n = Number(raw.nendo);
  return { nendo: Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : undefined };
}

/** The 年度 shown when none is chosen: the current one (Japan time). */
export function defaultCensusNendo(): number {
  return currentNendo(new Date());
}

/**
 * 実態把握 (census) for one 年度: the lists' sources, the upload wizard, the year's imports with their live
 * progress, and the linkage runs. Progress lives on the server, so leaving and coming back shows it again.
 */
export function CensusPage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const search = useSearch({ from: '/app/census' });
  const nendo = search.nendo ?? defaultCensusNendo();
  const canWrite = useCensusWrite();
  const own = useCensusOwnList();
  const sources = useCensusSources();
  if (isApiError(sources.error) && sources.error.status === 404) return <NotFoundPage />;
  const current = defaultCensusNendo();
  const years = Array.from({ length: 7 }, (_, i) => current + 1 - i);
  if (!years.includes(nendo)) years.push(nendo);
  return (
    <Page
      title={own ? t('census.own.title') : t('census.title')}
      intro={
        own
          ? t('census.own.intro', {
              municipality:
                sources.data?.items.find((s) => s.municipalityName)?.municipalityName ??
                t('census.own.yours'),
            })
          : t('census.intro')
      }
    >
      <div className="max-w-sm">
        <SelectField
          label={t('census.nendo')}
          value={String(nendo)}
          onChange={(v) => void navigate({ to: '/census', search: parseCensusSearch({ nendo: v }) })}
          options={years.map((y) => ({ value: String(y), label: nendoLabel(y, locale) }))}
        />
      </div>
      <SourcesSection sources={sources} canWrite={canWrite} />
      {(canWrite || own) && <UploadWizard nendo={nendo} sources={sources.data?.items ?? []} own={own} />}
      <ImportsSection nendo={nendo} />
      <RunsSection nendo={nendo} canWrite={canWrite} own={own} />
    </Page>
  );
}
