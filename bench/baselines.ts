import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import Papa from 'papaparse';
import { DuckDBInstance } from '@duckdb/node-api';

/*
 * What the pipeline is measured against, on the same file in the same run:
 * - papaparse streaming the file (the parse alone: the floor a pipeline cannot beat), and
 * - DuckDB reading the CSV and writing normalised NDJSON: the tool a user might pick
 *   instead of this service, doing comparable work in SQL.
 */

export interface Measured {
  rows: number;
  ms: number;
}

/**
 * papaparse over a Node read stream, one `step` callback per row: the way its docs stream
 * a file. `header: true` yields row objects (what a pipeline needs); `false` raw arrays,
 * the tokenizer's own speed.
 */
export async function papaparseStream(file: string, header: boolean): Promise<Measured> {
  const t0 = performance.now();
  let rows = 0;
  await new Promise<void>((resolve, reject) => {
    // papaparse's typings only list browser inputs; its Node build reads a Readable.
    Papa.parse(createReadStream(file, { encoding: 'utf8' }) as unknown as File, {
      header,
      skipEmptyLines: true,
      step: () => {
        rows++;
      },
      complete: () => resolve(),
      error: (err: Error) => reject(err),
    });
  });
  return { rows: header ? rows : rows - 1, ms: performance.now() - t0 };
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * The normalisation the DuckDB run does, in SQL, to the same fields and formats our
 * `call_record` output has: started_at ISO 8601 UTC from "MM/DD/YYYY"+"2:05p", ISO with Z,
 * or ISO date + 24h time (wall clock read as UTC, the job default); direction and
 * record type from the carrier codes the file uses; the other party's digits to E.164
 * (US numbers); durations "754" / "12:34" / "1:02:03" to seconds; "$1.25" to 125 cents.
 * It knows the file's exact formats in advance, which our pipeline has to detect.
 */
export const DUCKDB_NORMALISE_SQL = (file: string) => `
  WITH src AS (
    SELECT * FROM read_csv(${sqlString(file)}, header = true, all_varchar = true, quote = '"', escape = '"')
  ),
  parts AS (
    SELECT
      CASE
        WHEN "Date" LIKE '%T%' THEN strptime("Date", '%Y-%m-%dT%H:%M:%SZ')
        WHEN "Date" LIKE '%/%' THEN strptime("Date" || ' ' || "Time" || 'm', '%m/%d/%Y %I:%M%p')
        ELSE strptime("Date" || ' ' || "Time", '%Y-%m-%d %H:%M:%S')
      END AS ts,
      regexp_replace("Number", '[^0-9]', '', 'g') AS digits,
      string_split("Duration", ':') AS dparts,
      *
    FROM src
  )
  SELECT
    strftime(ts, '%Y-%m-%dT%H:%M:%SZ') AS started_at,
    CASE WHEN lower("Direction") IN ('in', 'incoming', 'mt', 'received') THEN 'inbound'
         WHEN lower("Direction") IN ('out', 'outgoing', 'mo', 'dialed') THEN 'outbound' END AS direction,
    CASE WHEN length(digits) = 10 THEN '+1' || digits
         WHEN length(digits) = 11 AND digits[1] = '1' THEN '+' || digits END AS counterpart_number,
    CASE len(dparts)
      WHEN 1 THEN TRY_CAST(dparts[1] AS INTEGER)
      WHEN 2 THEN TRY_CAST(dparts[1] AS INTEGER) * 60 + TRY_CAST(dparts[2] AS INTEGER)
      WHEN 3 THEN TRY_CAST(dparts[1] AS INTEGER) * 3600 + TRY_CAST(dparts[2] AS INTEGER) * 60 + TRY_CAST(dparts[3] AS INTEGER)
    END AS duration_seconds,
    CASE lower("Type") WHEN 'voice' THEN 'voice' WHEN 'sms' THEN 'sms' WHEN 'text' THEN 'sms'
                       WHEN 'mms' THEN 'mms' WHEN 'data' THEN 'data' END AS record_type,
    "Location" AS location,
    CAST(round(TRY_CAST(replace(replace("Cost", '$', ''), ',', '') AS DECIMAL(12, 2)) * 100) AS BIGINT) AS cost_minor,
    'USD' AS currency,
    "Account" AS account_number
  FROM parts`;

export interface DuckDbMeasured extends Measured {
  threads: string;
}

/**
 * DuckDB (in-process, its default thread count) from CSV to NDJSON:
 * `normalise` runs {@link DUCKDB_NORMALISE_SQL}; otherwise the columns are copied as read.
 */
export async function duckdbToNdjson(file: string, out: string, normalise: boolean): Promise<DuckDbMeasured> {
  await rm(out, { force: true });
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  try {
    const threads = String((await db.runAndReadAll(`SELECT current_setting('threads')`)).getRows()[0]?.[0] ?? '?');
    const query = normalise
      ? DUCKDB_NORMALISE_SQL(file)
      : `SELECT * FROM read_csv(${sqlString(file)}, header = true, all_varchar = true, quote = '"', escape = '"')`;
    const t0 = performance.now();
    const result = await db.run(`COPY (${query}) TO ${sqlString(out)} (FORMAT JSON)`);
    const ms = performance.now() - t0;
    return { rows: Number(result.rowsChanged), ms, threads };
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

/** First `n` records of an NDJSON file (for the parity check against our output). */
export async function readNdjsonHead(file: string, n: number): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let rest = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 64 * 1024 })) {
    const lines = (rest + String(chunk)).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      if (line.trim()) out.push(JSON.parse(line) as Record<string, unknown>);
      if (out.length >= n) return out;
    }
  }
  return out;
}
