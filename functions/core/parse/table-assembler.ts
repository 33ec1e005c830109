import { normalizeHeader } from '../map/normalize-header.ts';
import {
  countFilled,
  describeSection,
  filledWidth,
  isBlankCells,
  isContextLine,
  isDataLike,
  isSummaryRow,
  lineText,
  looksLikeHeader,
  DISTINCT_NAMES,
  type SectionContextInfo,
} from '../detect/row-shapes.ts';
import { LimitExceededError } from '../errors.ts';
import { WARNING_CODES, type JobWarning } from '../jobs/warnings.ts';

/** A record as a row source reads it, before any judgement. */
export interface SourceRecord {
  cells: string[];
  /** 1-based position in the source (physical line, sheet row, table row) */
  line: number;
  /** the tokenizer could not read the record cleanly (broken quoting) */
  error?: string;
  /** a visual break comes before it (a wide vertical gap in a PDF), as a blank line would */
  breakBefore?: boolean;
}

export interface ParsedRow {
  /** 1-based data-row number: header, preamble and skipped lines excluded */
  row: number;
  /** 1-based physical line (or sheet/table row) where the row starts */
  line: number;
  cells: string[];
  /** set when the row cannot be trusted: broken quoting, a cell count that differs from its section's header */
  error?: string;
}

export interface SkippedRecords {
  /** lines before the first header row (titles, account lines, blank lines) */
  preamble: number;
  /** empty lines, or lines of only whitespace and delimiters, after the header */
  blank: number;
  /** Subtotal/Total/footer rows (see isSummaryRow) */
  summary: number;
  /** rows repeating a header already seen, as paged exports do */
  repeatedHeader: number;
  /** carrier, account and title lines before a later section's header, and that header */
  sectionContext: number;
  /** context lines after the last data row (report footers) */
  footer: number;
  /** page headers and footers repeated on every page of a PDF */
  pageFurniture: number;
  /** physical lines of the summary, repeated-header and section lines, first 100 */
  lines: number[];
}

export function emptySkipped(): SkippedRecords {
  return { preamble: 0, blank: 0, summary: 0, repeatedHeader: 0, sectionContext: 0, footer: 0, pageFurniture: 0, lines: [] };
}

/** Every skipped record, whatever the reason: what the job reports as rowsSkipped. */
export function totalSkipped(s: SkippedRecords): number {
  return s.preamble + s.blank + s.summary + s.repeatedHeader + s.sectionContext + s.footer + s.pageFurniture;
}

/** A context column: filled from the section a row belongs to (its kind, account, and the line of a statement block). */
export type ContextKey = 'section' | 'account' | 'line';
export const CONTEXT_COLUMN_NAMES: Readonly<Record<ContextKey, string>> = { section: 'Section', account: 'Account Number', line: 'Line Number' };

export interface AssembledSection extends SectionContextInfo {
  /** the section's own header cells, trimmed */
  headers: string[];
  /** 1-based line of the header */
  headerLine: number;
  /** data rows emitted under it */
  rows: number;
}

export interface AssemblerOptions {
  /** the first section's header instead of the first non-blank record (e.g. with merged cells filled in) */
  headers?: string[];
  /** the first section's context (from the preamble, which the assembler does not see) */
  context?: SectionContextInfo;
  /** columns already known (Classification.headers, which includes the context columns) */
  unified?: readonly string[];
  /** context columns present from the start (Classification.contextColumns) */
  contextColumns?: readonly string[];
  /** sources whose absent trailing cells are just empty (XLSX, DOCX, PDF, JSON) rather than a ragged row */
  lenientWidth?: boolean;
  /** most sections accepted (default 10,000) */
  maxSections?: number;
  /** most unified columns accepted (default 10,000) */
  maxColumns?: number;
}

const MAX_NOTED = 100;

/**
 * Column names that carriers use for the same thing in different sections of one export
 * (AT&T: "Number Called" in voice, "To/From" in messaging). A later section's column
 * joins an earlier column of its group instead of starting its own, so the other party's
 * number is one column for every row, and so is its charge. Only these groups: everything
 * else unifies by name.
 * ("Call To/From?" is AT&T's location column: not in the group.)
 */
const ALIAS_GROUPS: readonly (readonly string[])[] = [
  ['number called', 'number', 'to from', 'from to', 'to from number', 'phone number', 'called number', 'number dialed', 'dialed number', 'other party', 'other number', 'contact number'],
  // the charge of a row: AT&T's voice "Total Charge", messaging and data "Charge"
  ['total charge', 'total charges', 'charge', 'charges', 'total', 'amount', 'cost', 'total cost'],
];
const ALIAS_OF = new Map<string, number>(ALIAS_GROUPS.flatMap((g, i) => g.map((name) => [name, i] as [string, number])));
const MAX_HELD = 20;

interface Section {
  info: AssembledSection;
  width: number;
  /** unified column of each of the section's columns */
  columns: number[];
  /** the header cells as read, for the repeated-header test */
  raw: string[];
  key: string;
}

type Kind = 'blank' | 'summary' | 'header' | 'context' | 'candidate' | 'data';

/**
 * Turns records into data rows under one header, whatever the table looks like:
 * skips blank, Subtotal/Total and repeated header lines (counted), recognises later
 * sections with their own header (a header-like line after a break or after context
 * lines, confirmed by the data row that follows it), and emits every row under the
 * union of all sections' columns (by normalised name, in first-seen order) plus context
 * columns (`Section`, `Account Number`) filled from each row's section.
 *
 * A row whose cell count differs from its own section's header carries an `error`
 * ("expected 12 columns, found 14"), so re-projection never hides raggedness. A
 * single-section table without context columns passes rows through untouched.
 *
 * The unified header only grows (columns are appended), so a row emitted earlier lines
 * up with the final header once padded with `fillFor(row, width)`.
 */
export class TableAssembler {
  readonly skipped: SkippedRecords = emptySkipped();
  rowsEmitted = 0;
  malformedRows = 0;
  /** data rows whose width differs from their section's header */
  raggedRows = 0;
  /** the columns each section header added under a new name, because a column before them has theirs */
  readonly renamed: RenamedColumns[] = [];

  private readonly names: string[] = [];
  private readonly keyIndex = new Map<string, number>();
  private readonly contextIndex = new Map<ContextKey, number>();
  private readonly sections: Section[] = [];
  /** first data row of each section run, for fillFor */
  private readonly runs: { firstRow: number; section: Section }[] = [];
  private current: Section | undefined;
  private held: SourceRecord[] = [];
  // Stryker disable next-line BooleanLiteral: set whenever a first line is held, and end() with nothing held does the same either way
  private heldAfterBreak = false;
  private afterBreak = false;
  private readonly lenient: boolean;
  private readonly maxSections: number;
  private readonly maxColumns: number;

  constructor(
    private readonly emit: (row: ParsedRow) => void,
    private readonly opts: AssemblerOptions = {},
  ) {
    this.lenient = opts.lenientWidth === true;
    this.maxSections = opts.maxSections ?? 10_000;
    this.maxColumns = opts.maxColumns ?? 10_000;
    const contextNames = new Set(opts.contextColumns);
    const seen = new Map<string, number>();
    for (const name of opts.unified ?? []) {
      const key = contextKeyOf(name, contextNames);
      if (key) this.addContextColumn(key);
      else this.addColumn(name, this.nextOccurrenceKey(name, seen));
    }
  }

  /** The unified header: every section's columns, then context columns, in the order they appeared. */
  headers(): string[] {
    return [...this.names];
  }

  /** The names of the context columns, in header order. */
  contextColumns(): string[] {
    return [...this.contextIndex.values()].sort((a, b) => a - b).map((i) => this.names[i]!);
  }

  get width(): number {
    return this.names.length;
  }

  /** The sections seen so far, in order (a section that repeats is listed once per run). */
  sectionList(): AssembledSection[] {
    const out: AssembledSection[] = [];
    for (const run of this.runs) if (!out.includes(run.section.info)) out.push(run.section.info);
    return out;
  }

  /** The header is set (the first non-blank record has been read). */
  get hasHeader(): boolean {
    return this.current !== undefined;
  }

  /**
   * Cells for the unified columns from `fromWidth` on, for a row emitted when the header
   * was narrower: blanks for section columns, the row's section context for context columns.
   */
  fillFor(row: number, fromWidth: number): string[] {
    const out: string[] = [];
    const section = this.sectionOfRow(row);
    for (let i = fromWidth; i < this.names.length; i++) out.push(this.contextValue(i, section));
    return out;
  }

  push(rec: SourceRecord): void {
    if (rec.breakBefore === true) this.afterBreak = true;
    if (this.current === undefined) {
      this.takeFirstHeader(rec);
      return;
    }
    const kind = this.kindOf(rec);
    if (this.held.length === 0) {
      switch (kind) {
        case 'blank':
          this.skipped.blank++;
          this.afterBreak = true;
          return;
        case 'summary':
          this.skipSummary(rec);
          return;
        case 'header':
          this.takeKnownHeader(rec, []);
          return;
        case 'context':
        case 'candidate':
          this.heldAfterBreak = this.afterBreak;
          this.held.push(rec);
          return;
        default:
          this.emitData(rec, this.current);
          return;
      }
    }
    // Holding lines that may open a new section: the next lines decide.
    switch (kind) {
      case 'blank':
        this.skipped.blank++;
        return;
      case 'summary':
        this.releaseHeld();
        this.skipSummary(rec);
        return;
      case 'header':
        this.takeKnownHeader(rec, this.held);
        this.held = [];
        return;
      case 'context':
      case 'candidate': {
        const last = this.held[this.held.length - 1]!;
        // A header-like line followed by another as full: the first was data (a row of
        // names), not a title before the header.
        if (kind === 'candidate' && this.isCandidate(last) && countFilled(last.cells) >= countFilled(rec.cells)) this.releaseHeld();
        if (this.held.length >= MAX_HELD) this.releaseHeld();
        if (this.held.length === 0) this.heldAfterBreak = this.afterBreak;
        this.held.push(rec);
        return;
      }
      default: {
        const candidate = this.held[this.held.length - 1]!;
        if (this.isCandidate(candidate) && this.fitsUnder(rec, candidate)) {
          const context = this.held.slice(0, -1);
          this.held = [];
          this.openSection(candidate, context);
          this.emitData(rec, this.current);
        } else {
          this.releaseHeld();
          this.emitData(rec, this.current);
        }
      }
    }
  }

  /** After the last record: one-cell lines still held are a footer after a break; anything else is data. */
  end(): void {
    if (this.heldAfterBreak && this.held.every((r) => isContextLine(r.cells))) {
      for (const rec of this.held) {
        this.skipped.footer++;
        this.note(rec.line);
      }
      this.held = [];
    } else this.releaseHeld();
  }

  private takeFirstHeader(rec: SourceRecord): void {
    if (isBlankCells(rec.cells)) {
      this.skipped.blank++;
      return;
    }
    const headers = this.opts.headers ?? rec.cells;
    const context = this.opts.context ?? describeSection([], headers, 1);
    const section = this.makeSection(headers, rec.cells, rec.line, context);
    this.sections.push(section);
    this.current = section;
    this.runs.push({ firstRow: 1, section });
  }

  private makeSection(headers: string[], raw: string[], line: number, context: SectionContextInfo): Section {
    if (this.sections.length >= this.maxSections) {
      throw new LimitExceededError(`Line ${line} starts section ${this.sections.length + 1}, more than the limit of ${this.maxSections} sections`);
    }
    const width = this.lenient ? Math.max(filledWidth(headers), 1) : headers.length;
    const trimmed = headers.slice(0, width).map((h) => h.trim());
    // Two columns of one name are both kept: the later ones renamed, so mapping can tell them apart.
    const named = distinctNames(trimmed);
    const known = this.names.length;
    const seen = new Map<string, number>();
    const keys = named.map((name) => this.nextOccurrenceKey(name, seen));
    // (the known columns of this header's names: an unknown name's undefined matches no column)
    const used = new Set<number | undefined>(keys.map((k) => this.keyIndex.get(k)));
    const columns = named.map((name, i) => {
      const key = keys[i]!;
      const index = this.keyIndex.get(key) ?? this.aliasColumn(key, used) ?? this.addColumn(name, key);
      used.add(index);
      return index;
    });
    // Renamed columns this header adds (the ones of a known header, e.g. the Classification's, were reported with it).
    const renamed = named.filter((name, i) => name !== trimmed[i] && columns[i]! >= known);
    if (renamed.length > 0) this.renamed.push({ line, names: renamed });
    const info: AssembledSection = { ...context, headers: named, headerLine: line, rows: 0 };
    const section: Section = { info, width, columns, raw: raw.map((c) => c.trim()), key: headerKey(raw) };
    if (this.sections.length >= 1 && context.kind !== this.sections[0]!.info.kind) this.addContextColumn('section');
    if (context.accountNumber !== undefined) this.addContextColumn('account');
    if (context.lineNumber !== undefined) this.addContextColumn('line');
    return section;
  }

  /** An existing column of the same alias group, not already taken by this section. */
  private aliasColumn(key: string, used: ReadonlySet<number | undefined>): number | undefined {
    const group = ALIAS_OF.get(key);
    if (group === undefined) return undefined;
    for (const [other, index] of this.keyIndex) {
      // (no context column is in a group: their names are not)
      if (!used.has(index) && ALIAS_OF.get(other) === group) return index;
    }
    return undefined;
  }

  private nextOccurrenceKey(name: string, seen: Map<string, number>): string {
    const base = normalizeHeader(name);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  }

  private addColumn(name: string, key: string): number {
    const found = this.keyIndex.get(key);
    if (found !== undefined) return found;
    if (this.names.length >= this.maxColumns) {
      throw new LimitExceededError(`The table has more than ${this.maxColumns} columns (the limit)`);
    }
    this.names.push(name.trim());
    this.keyIndex.set(key, this.names.length - 1);
    return this.names.length - 1;
  }

  /** Adds the context column of `key`, once (adding it again finds the same column). */
  private addContextColumn(key: ContextKey): void {
    const name = CONTEXT_COLUMN_NAMES[key];
    // A section column of the same name (an "Account Number" column) is shared: its own value wins.
    const index = this.addColumn(name, normalizeHeader(name));
    this.contextIndex.set(key, index);
  }

  private kindOf(rec: SourceRecord): Kind {
    const cells = rec.cells;
    const current = this.current!;
    const filled = countFilled(cells, 3);
    if (filled === 0) return 'blank';
    if (isSummaryRow(cells)) return 'summary';
    if (this.isKnownHeader(cells)) return 'header';
    // Stryker disable next-line StringLiteral: a kind no case names is data (the default of push)
    if (current.width < 2) return 'data';
    // The common case first: a full row with at least two cells filled, right after data.
    // Stryker disable next-line StringLiteral: a kind no case names is data (the default of push)
    if (filled >= 2 && !this.afterBreak && this.held.length === 0 && this.widthFits(cells, current.width)) return 'data';
    if (isContextLine(cells)) return 'context';
    // (not the common case above, so after a break, among held lines, or wider than the header)
    if (this.isCandidate(rec)) return 'candidate';
    // Stryker disable next-line StringLiteral: a kind no case names is data (the default of push)
    return 'data';
  }

  private isCandidate(rec: SourceRecord): boolean {
    const cells = rec.cells;
    // (a section's header may repeat names too: it must be followed by data to count)
    if (countFilled(cells, 2) < 2 || !looksLikeHeader(cells, DISTINCT_NAMES.allowed)) return false;
    // (a row with the current header's key never gets here: kindOf takes it for a known header)
    for (const c of cells) if (isDataLike(c)) return false;
    return true;
  }

  /**
   * The data row under a candidate header: as wide, and filled in at least two cells. (It is
   * not header-like itself: a row kindOf calls data is no candidate, so it has a value among
   * its cells, or does not look like a header.)
   */
  private fitsUnder(rec: SourceRecord, candidate: SourceRecord): boolean {
    const width = this.lenient ? filledWidth(candidate.cells) : candidate.cells.length;
    return this.widthFits(rec.cells, width) && countFilled(rec.cells, 2) >= 2;
  }

  /** A short row fits only where absent trailing cells are just empty; a long one when it is filled no further than `width`. */
  private widthFits(cells: readonly string[], width: number): boolean {
    if (cells.length < width) return this.lenient;
    return filledWidth(cells) <= width;
  }

  private isKnownHeader(cells: readonly string[]): boolean {
    // (the first cell alone first, as cheaply as it can be told apart; keys are case-folded, so it is too;
    // a record without cells is blank, told before)
    const first = cells[0]!.trim().toLowerCase();
    for (const s of this.sections) {
      // Stryker disable next-line ConditionalExpression: a cheap pre-check only: equal keys have equal first cells
      if (s.raw[0]!.toLowerCase() !== first) continue;
      if (headerKey(cells) === s.key) return true;
    }
    return false;
  }

  private takeKnownHeader(rec: SourceRecord, context: SourceRecord[]): void {
    const key = headerKey(rec.cells);
    const section = this.sections.find((s) => s.key === key)!;
    this.noteSectionContext(context);
    if (context.length === 0) {
      // A header repeated by a paged export: the same section carries on.
      this.skipped.repeatedHeader++;
      this.note(rec.line);
      this.switchTo(section);
      this.afterBreak = false;
      return;
    }
    this.skipped.sectionContext++;
    this.note(rec.line);
    const info = describeSection(
      context.map((r) => lineText(r.cells)),
      section.info.headers,
      this.runs.length + 1,
    );
    // The same layout under a new title, account or line (a second line's voice calls).
    const same = sameContext(info, section.info);
    const next: Section = same ? section : { ...section, info: { ...withoutContext(section.info), ...withDefaults(info, this.current!.info), headerLine: rec.line, rows: 0 } };
    if (!same && next.info.accountNumber !== undefined) this.addContextColumn('account');
    if (!same && next.info.lineNumber !== undefined) this.addContextColumn('line');
    if (!same && next.info.kind !== this.sections[0]!.info.kind) this.addContextColumn('section');
    this.switchTo(next);
    this.afterBreak = false;
  }

  private openSection(candidate: SourceRecord, context: SourceRecord[]): void {
    this.noteSectionContext(context);
    this.skipped.sectionContext++;
    this.note(candidate.line);
    const info = describeSection(
      context.map((r) => lineText(r.cells)),
      candidate.cells,
      this.sections.length + 1,
    );
    const section = this.makeSection(candidate.cells, candidate.cells, candidate.line, withDefaults(info, this.current!.info));
    this.sections.push(section);
    // (its first data row comes with it, and clears the break)
    this.switchTo(section);
  }

  private switchTo(section: Section): void {
    this.current = section;
    // A new run starts with the next emitted row.
    // Stryker disable next-line ConditionalExpression: a second run of the current section gives every row the same section; it only keeps the list short
    if (this.runs[this.runs.length - 1]!.section !== section) this.runs.push({ firstRow: this.rowsEmitted + 1, section });
  }

  private releaseHeld(): void {
    const held = this.held;
    this.held = [];
    for (const rec of held) this.emitData(rec, this.current!);
  }

  private skipSummary(rec: SourceRecord): void {
    this.skipped.summary++;
    this.note(rec.line);
    this.afterBreak = true;
  }

  private noteSectionContext(records: readonly SourceRecord[]): void {
    for (const r of records) {
      this.skipped.sectionContext++;
      this.note(r.line);
    }
  }

  private note(line: number): void {
    if (this.skipped.lines.length < MAX_NOTED) this.skipped.lines.push(line);
  }

  private emitData(rec: SourceRecord, section: Section): void {
    this.afterBreak = false;
    const row: ParsedRow = { row: ++this.rowsEmitted, line: rec.line, cells: rec.cells };
    section.info.rows++;
    let error = rec.error;
    const n = rec.cells.length;
    const width = section.width;
    // Short (unless absent trailing cells are just empty), or filled past the header: trailing blank cells are not.
    if (n < width ? !this.lenient : filledWidth(rec.cells) > width) {
      this.raggedRows++;
      error ??= `expected ${width} columns, found ${n} (line ${rec.line})`;
    }
    if (this.identity(section)) {
      if (
        this.lenient &&
        // Stryker disable next-line ConditionalExpression: fit() of a row as wide as the header returns a copy of it
        n !== width
      )
        row.cells = fit(rec.cells, width);
    } else {
      row.cells = this.project(rec.cells, section);
    }
    if (error !== undefined) {
      row.error = error;
      this.malformedRows++;
    }
    this.emit(row);
  }

  /** The row's cells are already the unified row. */
  private identity(section: Section): boolean {
    return this.names.length === section.width && this.contextIndex.size === 0 && section === this.sections[0];
  }

  private project(cells: readonly string[], section: Section): string[] {
    const out = new Array<string>(this.names.length).fill('');
    for (const [key, index] of this.contextIndex) out[index] = contextOf(key, section);
    const columns = section.columns;
    const n = Math.min(cells.length, columns.length);
    for (let i = 0; i < n; i++) {
      const v = cells[i]!;
      const target = columns[i]!;
      // (a blank cell leaves a shared context column its section's value)
      if (v.length > 0) out[target] = v;
    }
    return out;
  }

  private contextValue(index: number, section: Section | undefined): string {
    if (section === undefined) return '';
    for (const [key, i] of this.contextIndex) if (i === index) return contextOf(key, section);
    return '';
  }

  private sectionOfRow(row: number): Section | undefined {
    let lo = 0;
    let hi = this.runs.length - 1;
    let found: Section | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const run = this.runs[mid]!;
      if (run.firstRow <= row) {
        found = run.section;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found ?? this.sections[0];
  }
}

function contextOf(key: ContextKey, section: Section): string {
  if (key === 'section') return section.info.kind;
  return (key === 'account' ? section.info.accountNumber : section.info.lineNumber) ?? '';
}

/**
 * A later section keeps the account and the line of the one before unless it names its
 * own: a statement block names them once, above all of its sections.
 */
function withDefaults(info: SectionContextInfo, previous: SectionContextInfo): SectionContextInfo {
  let out = info;
  if (info.accountNumber === undefined) {
    // Stryker disable next-line ConditionalExpression: an account set to undefined reads as none (the key is left out as JSON and the stores leave it out)
    if (previous.accountNumber !== undefined) out = { ...out, accountNumber: previous.accountNumber };
  }
  if (info.lineNumber === undefined) {
    // Stryker disable next-line ConditionalExpression: a line set to undefined reads as none (the key is left out as JSON and the stores leave it out)
    if (previous.lineNumber !== undefined) out = { ...out, lineNumber: previous.lineNumber };
  }
  return out;
}

function sameContext(a: SectionContextInfo, b: SectionContextInfo): boolean {
  return a.kind === b.kind && a.accountNumber === b.accountNumber && a.title === b.title && a.lineNumber === b.lineNumber;
}

/** A section's layout without its context (the context of a new run replaces it whole). */
function withoutContext(info: AssembledSection): AssembledSection {
  const { title: _title, accountNumber: _account, lineNumber: _line, ...rest } = info;
  return rest;
}

function contextKeyOf(name: string, contextNames: ReadonlySet<string>): ContextKey | undefined {
  if (!contextNames.has(name)) return undefined;
  if (name === CONTEXT_COLUMN_NAMES.section) return 'section';
  if (name === CONTEXT_COLUMN_NAMES.account) return 'account';
  if (name === CONTEXT_COLUMN_NAMES.line) return 'line';
  return undefined;
}

export interface RenamedColumns {
  /** the header's line */
  line: number;
  /** the new names */
  names: string[];
}

/** The warning for columns renamed because an earlier column has their name (none when none were). */
export function renamedColumnsWarnings(renamed: readonly RenamedColumns[]): JobWarning[] {
  const first = renamed[0];
  if (first === undefined) return [];
  const names = renamed.flatMap((r) => r.names);
  const listed = first.names.slice(0, 5).map((n) => `"${n}"`).join(', ');
  return [
    {
      code: WARNING_CODES.duplicateColumns,
      message: `Columns named like a column before them were kept under new names: ${listed}${first.names.length > 5 ? ' ...' : ''} (header on line ${first.line}); map them by these names`,
      count: names.length,
    },
  ];
}

/**
 * Header names made distinct: a name that an earlier column of the same header already has
 * (ignoring case) becomes "Name (2)", "Name (3)"..., skipping names the header has anyway.
 * Blank names stay blank: they are unnamed columns, not duplicates.
 */
export function distinctNames(names: readonly string[]): string[] {
  const fold = (name: string) => name.toLowerCase();
  const taken = new Set(names.map(fold));
  const seen = new Map<string, number>();
  return names.map((name) => {
    if (name === '') return name;
    const key = fold(name);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n === 1) return name;
    let k = n;
    while (taken.has(fold(`${name} (${k})`))) k++;
    const renamed = `${name} (${k})`;
    taken.add(fold(renamed));
    return renamed;
  });
}

/** A header row's identity: trimmed, case-folded cells without trailing blanks. */
export function headerKey(cells: readonly string[]): string {
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.trim() === '') end--;
  let key = '';
  for (let i = 0; i < end; i++) key += (i > 0 ? '\u0001' : '') + cells[i]!.trim().toLowerCase();
  return key;
}

function fit(cells: string[], width: number): string[] {
  const out = cells.slice(0, width);
  while (out.length < width) out.push('');
  return out;
}
