import { Link, useCanGoBack, useNavigate, useParams, useRouter } from '@tanstack/react-router';
import { useMemo } from 'react';
import { Button } from '../../../components/Button';
import { MarkerMap } from '../../../components/map/MarkerMap';
import { Page, Section } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { useT } from '../../../i18n';
import { type PublicService, usePublicService } from '../../../lib/queries/resources-public';
import { ServiceView } from './ServiceView';

/** One listing of the public site (/public/resources/$serviceId): no sign-in, printable. */
function Listing({ service }: { service: PublicService }) {
  const t = useT();
  const navigate = useNavigate();
  const { latitude, longitude } = service.location;
  const markers = useMemo(
    () =>
      latitude !== null && longitude !== null
        ? [
            {
              id: service.id,
              lat: latitude,
              lon: longitude,
              label: service.name,
              href: `/public/resources/${service.id}`,
            },
          ]
        : [],
    [service.id, service.name, latitude, longitude],
  );
  return (
    <Page title={service.name}>
      <ServiceView service={service} />
      {markers.length > 0 && (
        <Section id="listing-map" title={t('resources.public.map')}>
          <MarkerMap
            markers={markers}
            label={t('resources.public.mapOne', { name: service.name })}
            onNavigate={(href) => void navigate({ href })}
          />
        </Section>
      )}
      <div className="mb-6 flex flex-wrap gap-3 print:hidden">
        <Button variant="secondary" onClick={() => window.print()}>
          {t('resources.public.print')}
        </Button>
      </div>
    </Page>
  );
}

export function PublicServicePage() {
  const t = useT();
  const { serviceId } = useParams({ strict: false }) as { serviceId: string };
  const query = usePublicService(serviceId);
  const router = useRouter();
  const canGoBack = useCanGoBack();
  return (
    <>
      <p className="mb-4 print:hidden">
        {canGoBack ? (
          <button
            type="button"
            className="min-h-11 text-key-900 underline underline-offset-4"
            onClick={() => router.history.back()}
          >
            {t('resources.public.back')}
          </button>
        ) : (
          <Link to="/public/resources">{t('resources.public.backToSearch')}</Link>
        )}
      </p>
      <QueryState query={query}>{(service) => <Listing service={service} />}</QueryState>
    </>
  );
}
