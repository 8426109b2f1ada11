import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { CopyField } from '../../components/CopyField';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { absoluteLink } from '../../lib/links';
import { type Service, useConfirmService, useIssueLink, useService } from '../../lib/queries/resources';
import { LastConfirmed } from '../public/resources/display';
import { ServiceView } from '../public/resources/ServiceView';
import { readsResources, writesResources } from './access';
import { forResourceRoles, useRole } from './Guard';
import { ProviderEditForm } from './ProviderEditForm';
import { ServiceForm } from './ServiceForm';

/** Confirm as is, and the one-time link for the provider (shown once, to copy). */
function Freshness({ service }: { service: Service }) {
  const t = useT();
  const { locale } = useLocale();
  const confirm = useConfirmService();
  const issue = useIssueLink();
  const link = issue.data;
  return (
    <Section id="service-freshness" title={t('resources.staff.freshnessTitle')}>
      <p className="mb-3 text-std-16N-170" data-testid="last-confirmed">
        <LastConfirmed
          at={service.lastConfirmed?.at ?? null}
          stale={service.stale}
          t={t}
          locale={locale}
          by={service.lastConfirmed?.by}
        />
      </p>
      <ApiErrorAlert error={confirm.error ?? issue.error} />
      <StatusMessage>{confirm.isSuccess ? t('resources.staff.confirmed') : undefined}</StatusMessage>
      <div className="mb-4 flex flex-wrap gap-3">
        {service.allowed.confirm && (
          <Button
            variant="secondary"
            disabled={confirm.isPending}
            onClick={() => confirm.mutate({ id: service.id, version: service.version })}
          >
            {t('resources.staff.confirmAsIs')}
          </Button>
        )}
        {service.allowed.issueLink && (
          <Button variant="secondary" disabled={issue.isPending} onClick={() => issue.mutate(service.id)}>
            {t('resources.staff.issueLink')}
          </Button>
        )}
        {/* The public site is its own light page (public-resources.html): a full-page link. */}
        <a
          href={`/public/resources/${encodeURIComponent(service.id)}`}
          className="inline-flex min-h-11 items-center"
        >
          {t('resources.staff.viewPublic')}
        </a>
      </div>
      {link && (
        <div className="rounded-8 border-2 border-key-900 p-4">
          <CopyField label={t('resources.staff.linkLabel')} value={absoluteLink(link.url)} />
          <p className="text-std-16N-170">
            {t('resources.staff.linkNote', { at: formatDateTime(link.expiresAt, locale) })}
          </p>
        </div>
      )}
    </Section>
  );
}

function EditInner() {
  const t = useT();
  const { serviceId } = useParams({ strict: false }) as { serviceId: string };
  const query = useService(serviceId);
  const [saved, setSaved] = useState<string | null>(null);
  // A listing opens as a view; its form is one click away and closes again once saved.
  const [editing, setEditing] = useState(false);
  const role = useRole();
  const done = () => {
    setSaved(t('resources.staff.saved'));
    setEditing(false);
  };
  return (
    <QueryState query={query}>
      {(service) => (
        <Page title={service.name}>
          <p className="mb-4 print:hidden">
            <Link to="/resources">{t('resources.staff.backToList')}</Link>
          </p>
          <StatusMessage>{saved ?? undefined}</StatusMessage>
          {service.allowed.edit && !editing && (
            <p className="mb-4 print:hidden">
              <Button
                onClick={() => {
                  setSaved(null);
                  setEditing(true);
                }}
              >
                {t('resources.staff.edit')}
              </Button>
            </p>
          )}
          <Freshness service={service} />
          <Section
            id="service-edit"
            title={editing ? t('resources.staff.editTitle') : t('resources.staff.details')}
          >
            {editing && service.allowed.edit ? (
              <>
                <p className="mb-4 print:hidden">
                  <Button variant="secondary" onClick={() => setEditing(false)}>
                    {t('resources.staff.stopEditing')}
                  </Button>
                </p>
                {role === 'provider_staff' ? (
                  <ProviderEditForm
                    key={`${service.id}:${service.version}`}
                    service={service}
                    onSaved={done}
                  />
                ) : (
                  <ServiceForm key={`${service.id}:${service.version}`} service={service} onSaved={done} />
                )}
              </>
            ) : (
              <>
                {!service.allowed.edit && <p className="mb-4">{t('resources.staff.readOnly')}</p>}
                <ServiceView service={service} freshness={false} />
              </>
            )}
          </Section>
        </Page>
      )}
    </QueryState>
  );
}

function NewInner() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Page title={t('resources.staff.newTitle')}>
      <p className="mb-4 print:hidden">
        <Link to="/resources">{t('resources.staff.backToList')}</Link>
      </p>
      <ServiceForm
        service={null}
        onSaved={(s) => void navigate({ to: '/resources/services/$serviceId', params: { serviceId: s.id } })}
      />
    </Page>
  );
}

export const ServiceEditPage = forResourceRoles(readsResources, EditInner);
export const NewServicePage = forResourceRoles(writesResources, NewInner);
