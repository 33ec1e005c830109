import yauzl from 'yauzl';
import type { Readable } from 'node:stream';
import { CorruptFileError, LimitExceededError, TruncatedFileError, UnsupportedFormatError, ZipBombError } from '../errors.ts';

/** What a ZIP container (XLSX, DOCX) may hold before it is refused unread. */
export interface ZipLimits {
  /** the archive itself */
  maxArchiveBytes: number;
  maxEntries: number;
  /** all entries inflated */
  maxInflatedBytes: number;
  /** one entry inflated */
  maxEntryInflatedBytes: number;
}

export interface ZipEntrySummary {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

export interface InspectedZip {
  entries: ZipEntrySummary[];
  /** bytes actually inflated (all entries) */
  inflatedBytes: number;
}

/** Receives an entry's inflated bytes as they come; returning undefined skips the entry's bytes. */
export type EntryTap = (name: string) => ((chunk: Buffer) => void) | undefined;
/** Sees each entry as the directory declares it, before anything inflates; throws to refuse the file. */
export type EntryCheck = (entry: ZipEntrySummary) => void;

/** Largest gap allowed between one entry's data and the next local header: a data descriptor. */
const MAX_DESCRIPTOR = 24;
const EOCD_SIGNATURE = 0x06054b50;

/**
 * Checks a ZIP container before anything else inflates it, and inflates it once under
 * guard: the central directory is read first (a missing one means a truncated file),
 * the entry count and the declared inflated sizes are held to `limits` before a byte is
 * inflated, entries must tile the archive (no hidden data for a streaming unzipper to
 * find between them), then every entry is inflated with the declared sizes enforced
 * (yauzl stops an entry that inflates past its declared size). `check` sees each entry's
 * declared sizes first, `tap` the bytes.
 *
 * Throws TruncatedFileError, ZipBombError, CorruptFileError, LimitExceededError, and
 * UnsupportedFormatError for encrypted entries. `what` names the file in messages ("XLSX").
 */
export async function inspectZip(buf: Buffer, what: string, limits: ZipLimits, tap?: EntryTap, check?: EntryCheck): Promise<InspectedZip> {
  if (buf.length > limits.maxArchiveBytes) {
    throw new LimitExceededError(`The ${what} file is ${buf.length} bytes, more than the limit of ${limits.maxArchiveBytes} for this format`);
  }
  const zip = await openZip(buf, what);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new ZipBombError(`The ${what} file has ${zip.entryCount} ZIP entries, more than the limit of ${limits.maxEntries}`);
    }
    const entries: yauzl.Entry[] = [];
    let declared = 0;
    for await (const entry of directoryEntries(zip, what)) {
      if (entry.isEncrypted()) throw new UnsupportedFormatError(`The ${what} file is password-protected (encrypted ZIP entries); remove the password and upload it again`);
      if (entry.uncompressedSize > limits.maxEntryInflatedBytes) {
        throw new ZipBombError(
          `The ${what} entry "${entry.fileName}" would inflate to ${entry.uncompressedSize} bytes, more than the limit of ${limits.maxEntryInflatedBytes}`,
        );
      }
      check?.({ name: entry.fileName, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize });
      declared += entry.uncompressedSize;
      if (declared > limits.maxInflatedBytes) {
        throw new ZipBombError(`The ${what} file would inflate to more than ${limits.maxInflatedBytes} bytes (a zip bomb, or too large to read)`);
      }
      entries.push(entry);
    }
    await assertContiguous(zip, entries, buf, what);
    let inflated = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const sink = tap?.(entry.fileName);
      const stream = await openEntry(zip, entry, what);
      // Stryker disable next-line BlockStatement: unreachable: yauzl ends an entry past its declared size and the declared sizes are within the limit
      inflated += await drain(stream, entry.fileName, what, sink, (n) => {
        // Stryker disable next-line ConditionalExpression,ArithmeticOperator,BlockStatement: unreachable, as above (a stored entry's two sizes must match)
        if (inflated + n > limits.maxInflatedBytes) {
          // Stryker disable next-line StringLiteral: unreachable, as above
          throw new ZipBombError(`The ${what} file inflates to more than ${limits.maxInflatedBytes} bytes`);
        }
      });
    }
    return {
      entries: entries.map((e) => ({ name: e.fileName, compressedSize: e.compressedSize, uncompressedSize: e.uncompressedSize })),
      inflatedBytes: inflated,
    };
  } finally
  // Stryker disable next-line BlockStatement: closing a ZIP read from a buffer releases nothing a caller can see
  {
    zip.close();
  }
}

/** The names in a ZIP's central directory (no inflating); TruncatedFileError/CorruptFileError as inspectZip. */
export async function listZipEntries(buf: Buffer, what: string, maxEntries = 100_000): Promise<string[]> {
  const zip = await openZip(buf, what);
  try {
    if (zip.entryCount > maxEntries) throw new ZipBombError(`The ${what} file has ${zip.entryCount} ZIP entries, more than the limit of ${maxEntries}`);
    const names: string[] = [];
    for await (const entry of directoryEntries(zip, what)) names.push(entry.fileName);
    return names;
  } finally
  // Stryker disable next-line BlockStatement: closing a ZIP read from a buffer releases nothing a caller can see
  {
    zip.close();
  }
}

/** A ZIP's entries by name, read in any order: for readers whose parts depend on each other. */
export interface ZipEntries {
  has(name: string): boolean;
  /** the entry's inflated bytes as a stream; CorruptFileError when it cannot be opened */
  open(name: string): Promise<Readable>;
  close(): void;
}

/**
 * Opens a ZIP through its central directory, so a reader can take the parts it needs
 * first (an XLSX's shared strings and styles before its sheets) whatever order the
 * writer stored them in. Vet the archive with inspectZip first: this applies no limits.
 */
export async function openZipEntries(buf: Buffer, what: string): Promise<ZipEntries> {
  const zip = await openZip(buf, what);
  const byName = new Map<string, yauzl.Entry>();
  try {
    for await (const entry of zip.eachEntry()) byName.set(entry.fileName, entry);
  } catch (err) {
    zip.close();
    throw zipError(err, what);
  }
  return {
    has: (name) => byName.has(name),
    open: async (name) => {
      const entry = byName.get(name);
      if (!entry) throw new CorruptFileError(`The ${what} file has no entry "${name}"`);
      return openEntry(zip, entry, what);
    },
    close: () => zip.close(),
  };
}

async function openZip(buf: Buffer, what: string): Promise<yauzl.ZipFile> {
  try {
    return await yauzl.fromBufferPromise(
      buf,
      // Stryker disable next-line ObjectLiteral: yauzl's defaults, written out: without them it reads the same
      {
        // Stryker disable next-line BooleanLiteral: the promise API reads entries lazily whatever this says
        lazyEntries: true,
        validateEntrySizes: true,
        strictFileNames: false,
        decodeStrings: true,
      },
    );
  } catch (err) {
    throw zipError(err, what);
  }
}

/** The central directory's entries; a record yauzl cannot read fails as zipError says (the file's fault, not ours). */
async function* directoryEntries(zip: yauzl.ZipFile, what: string): AsyncGenerator<yauzl.Entry> {
  try {
    for await (const entry of zip.eachEntry()) yield entry;
  } catch (err) {
    throw zipError(err, what);
  }
}

async function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, what: string): Promise<Readable> {
  try {
    return await zip.openReadStreamPromise(entry);
  } catch (err) {
    throw zipError(err, what, entry.fileName);
  }
}

async function drain(stream: Readable, name: string, what: string, sink: ((chunk: Buffer) => void) | undefined, check: (n: number) => void): Promise<number> {
  let n = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      n += chunk.length;
      check(n);
      sink?.(chunk);
    }
  } catch (err) {
    stream.destroy();
    throw zipError(err, what, name);
  }
  return n;
}

/** Every local entry sits right after the previous one: nothing hides between them. */
async function assertContiguous(zip: yauzl.ZipFile, entries: yauzl.Entry[], buf: Buffer, what: string): Promise<void> {
  const sorted = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  let end = 0;
  for (const entry of sorted) {
    const gap = entry.relativeOffsetOfLocalHeader - end;
    if (gap < 0 || gap > MAX_DESCRIPTOR) {
      // Stryker disable next-line EqualityOperator: a gap of 0 is never refused, so `gap <= 0` names the same cases
      throw new CorruptFileError(`The ${what} file is not a well-formed ZIP: ${gap < 0 ? 'entries overlap' : `${gap} unlisted bytes sit before "${entry.fileName}"`}`);
    }
    let header: { fileDataStart: number };
    try {
      // Stryker disable next-line ObjectLiteral,BooleanLiteral: the whole header gives the same fileDataStart and the same bounds check; minimal skips reading the name and extra field
      header = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
    } catch (err) {
      throw zipError(err, what, entry.fileName);
    }
    end = header.fileDataStart + entry.compressedSize;
  }
  const cd = centralDirectoryOffset(buf);
  if (
    // Stryker disable next-line ConditionalExpression: without an offset the gap is NaN, which fails both comparisons below
    cd !== undefined &&
    (cd - end < 0 || cd - end > MAX_DESCRIPTOR)
  ) {
    // Stryker disable next-line EqualityOperator: a gap of 0 is never refused, so `<= 0` names the same cases
    throw new CorruptFileError(`The ${what} file is not a well-formed ZIP: ${cd - end < 0 ? 'entries overlap its directory' : `${cd - end} unlisted bytes sit before its directory`}`);
  }
}

function centralDirectoryOffset(buf: Buffer): number | undefined {
  // Stryker disable next-line MethodExpression: yauzl found the record by the same backward scan, so the loop stops at it before any lower bound
  const from = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIGNATURE) {
      const offset = buf.readUInt32LE(i + 16);
      return offset === 0xffffffff ? undefined : offset; // ZIP64: its own record, not checked
    }
  }
  return undefined;
}

function zipError(err: unknown, what: string, entry?: string): Error {
  if (err instanceof ZipBombError || err instanceof LimitExceededError || err instanceof CorruptFileError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const where = entry ? ` (entry "${entry}")` : '';
  if (/end of central directory record signature not found/i.test(message)) {
    return new TruncatedFileError(`The ${what} file is truncated or not a complete ZIP archive: its central directory is missing`);
  }
  if (/too many bytes in the stream/i.test(message)) {
    return new ZipBombError(`The ${what} file${where} inflates to more bytes than its directory declares (a zip bomb)`);
  }
  if (/unexpected end of file|not enough bytes|exceeds buffer|out of range|truncated/i.test(message)) {
    return new TruncatedFileError(`The ${what} file is truncated${where}: ${message}`);
  }
  return new CorruptFileError(`The ${what} file is not a readable ZIP archive${where}: ${message}`);
}
