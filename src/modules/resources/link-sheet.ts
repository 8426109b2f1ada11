/**
 * The links of a re-confirmation round as a file for mail merge (差し込み印刷): one row per listing with its
 * organisation, contact, address, the whole link and its expiry. The server sends no mail (decision 0004), so
 * staff send the links through their own mail or by post; a prefecture issues thousands at once, which no one
 * copies field by field. The file is made in the request that issues the links (they are shown once: only
 * hashes are kept), and its making is audited as an export.
 */
import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { DbOrTx } from '../../db/client';
import {
  resourceLocations,
  resourceOrganizations,
  resourceServiceLocations,
  resourceServices,
} from '../../db/schema';
import { DATE_TIME_FORMAT, dateTimeCell } from '../../server/xlsx';
import { findMunicipality } from '../../shared/municipalities';
import { SERVICE_TYPE_LABELS, type ServiceType } from '../../shared/vocab/resources';
import { csvField } from '../audit/export';
import { formatJapanDateTime } from '../audit/time';
import type { IssuedLink } from './links';

export type LinkSheetRow = {
  serviceName: string;
  organizationName: string;
  type: ServiceType;
  municipalityName: string;
  address: string;
  email: string;
  phone: string;
  url: string;
  expiresAt: Date;
};

const HEADERS = {
  ja: ['サービス名', '法人名', '種別', '市区町村', '所在地', 'メール', '電話', '確認用リンク', '有効期限'],
  en: ['Service', 'Organisation', 'Type', 'Municipality', 'Address', 'E-mail', 'Phone', 'Link', 'Expires'],
} as const;

/** Rows in the order the links were issued (municipality, then name), each link made absolute on `origin`. */
export async function linkSheetRows(
  db: DbOrTx,
  links: IssuedLink[],
  origin: string,
): Promise<LinkSheetRow[]> {
  const details = new Map<string, Omit<LinkSheetRow, 'url' | 'expiresAt'>>();
  const ids = links.map((l) => l.serviceId);
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .select({
        id: resourceServices.id,
        name: resourceServices.name,
        type: resourceServices.type,
        municipalityCode: resourceServices.municipalityCode,
        address: resourceLocations.address,
        serviceEmail: resourceServices.email,
        servicePhone: resourceServices.phone,
        organizationName: resourceOrganizations.name,
        organizationEmail: resourceOrganizations.email,
        organizationPhone: resourceOrganizations.phone,
      })
      .from(resourceServices)
      .innerJoin(resourceOrganizations, eq(resourceOrganizations.id, resourceServices.organizationId))
      .leftJoin(
        resourceServiceLocations,
        and(
          eq(resourceServiceLocations.serviceId, resourceServices.id),
          eq(resourceServiceLocations.isPrimary, true),
        ),
      )
      .leftJoin(resourceLocations, eq(resourceLocations.id, resourceServiceLocations.locationId))
      .where(inArray(resourceServices.id, ids.slice(i, i + 1000)));
    for (const r of rows) {
      details.set(r.id, {
        serviceName: r.name,
        organizationName: r.organizationName,
        type: r.type as ServiceType,
        municipalityName: findMunicipality(r.municipalityCode)?.name ?? r.municipalityCode,
        address: r.address ?? '',
        email: r.serviceEmail ?? r.organizationEmail ?? '',
        phone: r.servicePhone ?? r.organizationPhone ?? '',
      });
    }
  }
  const base = origin.replace(/\/+$/, '');
  return links.map((l) => {
    const d = details.get(l.serviceId);
    if (!d) throw new Error(`listing ${l.serviceId} of an issued link is missing`);
    return { ...d, url: `${base}${l.url}`, expiresAt: new Date(l.expiresAt) };
  });
}

function cells(r: LinkSheetRow, lang: 'ja' | 'en'): string[] {
  return [
    r.serviceName,
    r.organizationName,
    SERVICE_TYPE_LABELS[r.type][lang],
    r.municipalityName,
    r.address,
    r.email,
    r.phone,
    r.url,
  ];
}

/** The rows as .xlsx: a header row, frozen and filtered, the expiry as a date-time cell in Japan time. */
export async function linksXlsx(rows: LinkSheetRow[], lang: 'ja' | 'en'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(lang === 'ja' ? '確認依頼リンク' : 'Confirmation links', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.addRow([...HEADERS[lang]]).font = { bold: true };
  for (const r of rows) ws.addRow([...cells(r, lang), dateTimeCell(r.expiresAt)]);
  ws.getColumn(9).numFmt = DATE_TIME_FORMAT;
  const widths = [32, 28, 22, 12, 36, 28, 16, 70, 18];
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: HEADERS[lang].length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The rows as CSV in CP932 (Shift_JIS as Windows Excel opens it by double-click), CRLF lines. */
export function linksCsv(rows: LinkSheetRow[], lang: 'ja' | 'en'): Buffer {
  const lines = [HEADERS[lang].map(csvField).join(',')];
  for (const r of rows) {
    lines.push([...cells(r, lang), formatJapanDateTime(r.expiresAt)].map(csvField).join(','));
  }
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp932');
}
