import { Link, useParams } from '@tanstack/react-router';
import QRCode from 'qrcode';
import { useMemo } from 'react';
import { PRINT_BACK_LINK, PrintBlock, PrintSheet } from '../../components/PrintSheet';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { type LibraryItem, useLibraryItem } from '../../lib/queries/library';
import { forTrainingRoles } from '../learning/courses/Guard';
import { readsLibrary } from './access';

/** The QR code of an address as an SVG of its dark modules (error correction M: a folded sheet still scans). */
function QrCode({ text, label }: { text: string; label: string }) {
  const path = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let row = 0; row < modules.size; row++)
      for (let col = 0; col < modules.size; col++)
        if (modules.get(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
    return { d, size: modules.size + 8 };
  }, [text]);
  return (
    <svg viewBox={`0 0 ${path.size} ${path.size}`} width="140" height="140" role="img" aria-label={label}>
      <rect width={path.size} height={path.size} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}

function Sheet({ item }: { item: LibraryItem }) {
  const t = useT();
  const address = item.publicPath ? `${window.location.origin}${item.publicPath}` : null;
  return (
    <PrintSheet
      sheetClass="library-sheet"
      title={t('lib.sheet.title')}
      back={
        <Link to="/library/$itemId" params={{ itemId: item.id }} className={PRINT_BACK_LINK}>
          {t('lib.sheet.back')}
        </Link>
      }
    >
      <p className="mb-4 text-std-16N-170">{t('lib.sheet.lead')}</p>
      <PrintBlock title={item.title}>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by src/shared/markdown.ts on the server */}
        <div className="mb-2" dangerouslySetInnerHTML={{ __html: item.descriptionHtml }} />
      </PrintBlock>
      {address ? (
        <div className="flex flex-wrap items-center gap-6">
          <div>
            <p className="text-std-16B-170">{t('lib.sheet.address')}</p>
            <p className="break-all text-std-17B-170" data-testid="public-address">
              {address}
            </p>
          </div>
          <QrCode text={address} label={`${t('lib.sheet.qr')}: ${address}`} />
        </div>
      ) : (
        <p role="status">{t('lib.handOut.staffOnly')}</p>
      )}
      <p className="mt-4 text-std-16N-170">{t('lib.sheet.contact')}</p>
    </PrintSheet>
  );
}

function SheetPageInner() {
  const { itemId } = useParams({ strict: false }) as { itemId: string };
  const item = useLibraryItem(itemId);
  return <QueryState query={item}>{(data) => <Sheet item={data} />}</QueryState>;
}

export const SheetPage = forTrainingRoles(readsLibrary, SheetPageInner);
