import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/*
 * A seeded, realistic call-record CSV for the throughput benchmark: the formats real
 * carrier exports mix in one file (US and ISO dates, 12-hour "2:05p" times, four phone
 * spellings, seconds / mm:ss / h:mm:ss durations, "$1.25" money, carrier direction and
 * type codes) and the CSV features that break naive splitters (quoted commas, quoted
 * newlines, doubled quotes). Same seed, same bytes.
 */

export const CALL_RECORD_HEADER = ['Date', 'Time', 'Number', 'Direction', 'Duration', 'Type', 'Location', 'Cost', 'Account', 'Notes'] as const;

/** mulberry32: tiny, fast and good enough to make varied but reproducible data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AREA_CODES = [212, 213, 305, 312, 404, 415, 503, 512, 617, 646, 702, 713, 773, 818, 917, 919];
const CITIES = ['CHICAGO IL', 'Portland, OR', 'NEW YORK NY', 'Austin, TX', 'SEATTLE WA', 'Miami, FL', 'INCOMING', 'Boston, MA'];
const DIRECTIONS = ['Incoming', 'Outgoing', 'IN', 'OUT', 'MT', 'MO', 'Received', 'Dialed'];
const TYPES = ['Voice', 'Voice', 'Voice', 'SMS', 'Text', 'MMS', 'Data'];
const NOTES = ['', '', '', '', '', '', '', '', 'dropped, redialed', 'conference "bridge" call', 'voicemail\nleft message', 'roaming, intl\nrate applied'];

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

/** A cell as a CSV writer would quote it: only when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Cells of one row, from a random source; rows are independent of each other. */
export function callRecordRow(rand: () => number, account: string): string[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  // Sept-Nov 2025, any second of the day
  const month = 9 + Math.floor(rand() * 3);
  const day = 1 + Math.floor(rand() * 28);
  const h = Math.floor(rand() * 24);
  const mi = Math.floor(rand() * 60);
  const s = Math.floor(rand() * 60);

  let date: string;
  let time: string;
  const dateForm = rand();
  if (dateForm < 0.55) {
    // AT&T: 11/03/2025 + 2:05p
    date = `${pad2(month)}/${pad2(day)}/2025`;
    time = `${h % 12 === 0 ? 12 : h % 12}:${pad2(mi)}${h < 12 ? 'a' : 'p'}`;
  } else if (dateForm < 0.85) {
    // T-Mobile style: UTC instant in the date column, no separate time
    date = `2025-${pad2(month)}-${pad2(day)}T${pad2(h)}:${pad2(mi)}:${pad2(s)}Z`;
    time = '';
  } else {
    // ISO date + 24-hour time
    date = `2025-${pad2(month)}-${pad2(day)}`;
    time = `${pad2(h)}:${pad2(mi)}:${pad2(s)}`;
  }

  const area = pick(AREA_CODES);
  const exchange = 200 + Math.floor(rand() * 800);
  const line = Math.floor(rand() * 10_000)
    .toString()
    .padStart(4, '0');
  const phoneForm = rand();
  const number =
    phoneForm < 0.35 ? `(${area}) ${exchange}-${line}` : phoneForm < 0.6 ? `+1 ${area} ${exchange} ${line}` : phoneForm < 0.85 ? `${area}${exchange}${line}` : `1-${area}-${exchange}-${line}`;

  const type = pick(TYPES);
  const voice = type === 'Voice';
  const seconds = voice ? Math.floor(rand() * 5400) : 0;
  const durationForm = rand();
  const duration =
    durationForm < 0.4
      ? String(seconds)
      : durationForm < 0.8 || seconds < 3600
        ? `${Math.floor(seconds / 60)}:${pad2(seconds % 60)}`
        : `${Math.floor(seconds / 3600)}:${pad2(Math.floor((seconds % 3600) / 60))}:${pad2(seconds % 60)}`;

  const cents = Math.floor(rand() * 500);
  const cost = `$${Math.floor(cents / 100)}.${pad2(cents % 100)}`;
  return [date, time, number, pick(DIRECTIONS), duration, type, pick(CITIES), cost, account, pick(NOTES)];
}

/** The whole CSV text for `rows` rows (small sizes: tests). */
export function callRecordCsv(rows: number, seed = 1): string {
  const rand = seededRandom(seed);
  const lines = [CALL_RECORD_HEADER.join(',')];
  for (let i = 0; i < rows; i++) lines.push(callRecordRow(rand, accountFor(i)).map(csvCell).join(','));
  return lines.join('\n') + '\n';
}

const accountFor = (i: number) => `ACC-${77_120 + (i % 7)}`;

/**
 * Write `rows` rows to `path`, streaming (a million rows is ~100 MB). Returns the size.
 * Produces exactly the bytes of {@link callRecordCsv} for the same rows and seed.
 */
export async function writeCallRecordCsv(path: string, rows: number, seed = 1): Promise<number> {
  const rand = seededRandom(seed);
  const out = createWriteStream(path);
  let bytes = 0;
  let batch = CALL_RECORD_HEADER.join(',') + '\n';
  for (let i = 0; i < rows; i++) {
    batch += callRecordRow(rand, accountFor(i)).map(csvCell).join(',') + '\n';
    if (batch.length >= 1 << 20) {
      bytes += Buffer.byteLength(batch);
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  bytes += Buffer.byteLength(batch);
  out.end(batch);
  await once(out, 'finish');
  return bytes;
}
