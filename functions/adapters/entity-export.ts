import { PassThrough } from 'node:stream';
import { monotonicFactory } from 'ulid';
import { s3 } from './s3.ts';
import { objectStore } from './object-store.ts';
import { requiredEnv } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';
import { toSafeCsvLine } from '../core/entities/safe-csv-cell.ts';

/** Presigned links to an export live five minutes, like job downloads. */
export const EXPORT_URL_TTL_SECONDS = 300;
export type ExportFormat = 'csv' | 'xlsx';

const nextUlid = monotonicFactory();

export interface ExportColumn<T> {
  header: string;
  value: (item: T) => string | number | undefined;
}

async function writeXlsx<T>(key: string, sheetName: string, items: readonly T[], columns: readonly ExportColumn<T>[]): Promise<void> {
  const body = new PassThrough();
  const { client, sdk } = await s3();
  const upload = new sdk.Upload({
    client,
    params: { Bucket: requiredEnv(ENV.uploadBucket), Key: key, Body: body, ContentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
  const done = upload.done();
  // Loaded on the first XLSX export only: exceljs (and bluebird under it) would cost every cold start.
  const { default: ExcelJS } = await import('exceljs');
  // The streaming writer commits each row as it goes: memory stays flat however many rows.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: body, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.header }));
  for (const item of items) sheet.addRow(columns.map((c) => c.value(item) ?? null)).commit();
  sheet.commit();
  await workbook.commit();
  await done;
}

/**
 * Write the whole (filtered) set as CSV or XLSX under exports/<tenant>/ and return a
 * presigned download. CSV cells are formula-safe (`toSafeCsvCell`); XLSX cells are typed
 * values (strings stay strings, never formulas).
 */
export async function exportEntities<T>(tenantId: string, kind: 'accounts' | 'contacts', format: ExportFormat, items: readonly T[], columns: readonly ExportColumn<T>[]): Promise<{ url: string; expiresAt: string; rows: number }> {
  const key = `exports/${tenantId}/${kind}-${nextUlid()}.${format}`;
  if (format === 'xlsx') await writeXlsx(key, kind, items, columns);
  else {
    const lines = [toSafeCsvLine(columns.map((c) => c.header)), ...items.map((item) => toSafeCsvLine(columns.map((c) => c.value(item))))];
    await objectStore.put(requiredEnv(ENV.uploadBucket), key, lines.join('\r\n') + '\r\n', 'text/csv; charset=utf-8');
  }
  const url = await objectStore.presignGet(requiredEnv(ENV.uploadBucket), key, EXPORT_URL_TTL_SECONDS);
  return { url, expiresAt: new Date(Date.now() + EXPORT_URL_TTL_SECONDS * 1000).toISOString(), rows: items.length };
}
