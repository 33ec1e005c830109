import { durationScaleFromClocks } from './duration-unit.ts';
import type { FieldMapping, MappingResult } from '../pipeline-types.ts';
import type { FieldDefinition, SchemaDefinition } from '../schemas/schema-types.ts';
import { CONF_SYNONYM, fieldTerms, headerCandidates, MAX_SCANNED_COLUMNS, timeTerms } from './header-match.ts';
import { normalizeHeader } from './normalize-header.ts';
import { isBlankCell } from '../enrich/result.ts';
import type { FieldTransform } from '../templates/transforms.ts';
import type { ValueKind } from '../schemas/schema-types.ts';
import { BUILTIN_LEXICONS } from '../schemas/lexicon/index.ts';
import { describeMapping } from './mapping-report.ts';
import { headerScale, namesCurrency, parseRange, rangeShare } from './units.ts';
import { parseNumber } from '../enrich/number.ts';
import { isCompanyName, kindShare, organisationShare } from './value-kinds.ts';
import { liesWithin } from './talk-time.ts';
import { parseMoney } from '../enrich/money.ts';
import { measuredWithinBilled, saysBilledLength } from './billed-length.ts';
import { describesDestination } from './destination-column.ts';
import { namesTechnologies } from './software-names.ts';
import { dotsGroupThousands } from './digit-grouping.ts';
import { namesRegion, refusesField } from './negative-cues.ts';
import { ID_WORDS, leftOutByValues } from './left-out-evidence.ts';
import { nearFieldTerm, prepareNearHeader } from './near-header.ts';
import { headerReads, unreadColumns } from './unread-columns.ts';
import { columnDateTimeShape, fitsField, looksLikeField, ratio, timeColumnKind, type ValueCheckContext } from './value-patterns.ts';
import { readCallCodeAnyLanguage as readCallCode } from './call-code-reading.ts';
import { emailColumnValues, namePartByEmail } from './email-names.ts';
import { noteSaysSeconds } from './seconds-note.ts';
import { soleCountColumn } from './headcount-by-values.ts';
import { dateTimePairFit, detectDateTimeShape, isDottedClock } from '../enrich/datetime.ts';
import { fieldsFilledWithoutColumns, findPartyColumns, partyColumnCandidates } from '../records/call-semantics.ts';

/**
 * Below this confidence (overall, or of any mapped field) a mapping needs a person to
 * confirm it. Set from `npm run eval`'s layout sweep on the tuning sets (dev, v2/tuning,
 * v2/tuning-b, v3, v4, v5, v6/tuning, v7; 295 layouts, 2026-12-07), with the checks for
 * fields left out (`unsettledFields`) in place: 0.65 is the lowest threshold at which no
 * tuning layout is auto-accepted with a wrong or missing field (60 layouts with every field
 * right go to a person); 0.60 lets 1 through, 0.55 lets 5; 0.70 holds 71 right layouts.
 */
export const MAPPING_CONFIDENCE_THRESHOLD = 0.65;

/**
 * Why a field was mapped to its column(s): the header is the field's name, a synonym, close
 * to one; the values look like the field; a tenant's template learned it; Claude said so;
 * a person confirmed it.
 */
export type MappingReason = 'exact' | 'synonym' | 'fuzzy' | 'value_pattern' | 'learned' | 'ai' | 'confirmed';

export interface SuggestMappingOptions {
  /** overall confidence below which the status is `needs_mapping` (default {@link MAPPING_CONFIDENCE_THRESHOLD}) */
  threshold?: number;
  /** region for reading national phone numbers in samples (default "US") */
  defaultRegion?: string;
  /** sample rows to look at (default 50) */
  maxSamples?: number;
}

/** a date and a time-of-day column whose sample values all parse as such */
const CONF_PAIR = 0.9;
/** value-pattern confidence = base + span x share of matching samples (>= VALUE_MIN_RATIO) */
const VALUE_BASE = 0.35;
const VALUE_SPAN = 0.2;
const VALUE_MIN_RATIO = 0.8;
/** a column of names, companies, countries... by its values: base + span x share (>= KIND_MIN_SHARE) */
const KIND_BASE = 0.35;
/** at most 0.6: values alone map a column, but below the threshold (a person confirms) */
const KIND_SPAN = 0.25;
const KIND_MIN_SHARE = 0.6;
/** an empty column's header match is scaled by this: still offered (0.95 -> 0.55), below the threshold */
const EMPTY_COLUMN_SCALE = 0.58;
/** a numeric column with this share of ranges ("101-250") reads them by the range rule */
const RANGE_MIN_SHARE = 0.3;
/** candidates below this are never assigned */
const MIN_CANDIDATE = 0.5;
/** the place of a call from a bill's "Description" column of destination labels (destination-column.ts) */
const CONF_DESCRIBED_DESTINATION = 0.7;
/** the software a company runs, from its values alone (software-names.ts): below the threshold, a person confirms it */
const CONF_TECHNOLOGIES_BY_VALUES = 0.6;
/** a company list's sole column of counts taken for its staff: a person confirms it */
const CONF_STAFF_BY_VALUES = 0.5;
/** an exact figure beats the band of it beside it when its header is at most this much less sure */
const EXACT_OVER_BAND_MARGIN = 0.1;
/** a length measured beside a billed one, whose header names no field (billed-length.ts): below the threshold, a person confirms it */
const CONF_MEASURED_BESIDE_BILLED = 0.6;
/** a talk-time column beats the ring-inclusive length it lies within when its header is at most this much less sure */
const TALK_TIME_MARGIN = 0.1;

interface Candidate {
  field: number;
  column: number;
  confidence: number;
  /** what the header alone said, before the values weighed in (header candidates only) */
  header?: number;
  reason: MappingReason;
  /** synonym position: earlier synonyms win ties */
  rank: number;
  /** share of the column's samples that are filled: of two columns as sure, the fuller one wins */
  filled?: number;
}

/**
 * Suggest how source columns map to the fields of `schema`.
 *
 * Each header is normalised (case, punctuation, spacing, accents, camelCase) and matched
 * to a field by, in order of confidence: the field's own name (`exact`, 1.0), a synonym
 * (`synonym`, 0.95), token overlap / edit distance to the name or a synonym (`fuzzy`,
 * ~0.64-0.85), or, for still-unmapped fields, the shape of the sample values (phone,
 * date, duration, money, e-mail, enum codes: `value_pattern`, 0.35-0.55). Header matches
 * whose samples mostly do not fit the field's type lose confidence. Columns and fields are
 * paired greedily, best first, so each column is used at most once.
 *
 * A datetime field mapped to a date-only column takes a separate time column too
 * (`sources: [dateIdx, timeIdx]`), found by the field's `timeSynonyms` or time-like values.
 *
 * Status is `needs_mapping` when a required field has no column (and cannot be derived)
 * or only a column below the threshold, or the overall confidence (mean over mapped fields, required ones counted twice,
 * unmapped required ones as 0) is below the threshold. `missingRequired` lists the
 * missing required fields, and each unsatisfied `requireAnyOf` group as "a|b|c".
 * Deterministic: the same input always gives the same output.
 */
export function suggestMapping(
  headers: string[],
  sampleRows: string[][],
  schema: SchemaDefinition,
  opts: SuggestMappingOptions = {},
): MappingResult {
  const threshold = opts.threshold ?? MAPPING_CONFIDENCE_THRESHOLD;
  const ctx: ValueCheckContext = { defaultRegion: opts.defaultRegion ?? 'US' };
  const samples = sampleRows.slice(0, opts.maxSamples ?? 50);
  const fields = schema.fields;
  const normalized = headers.map(normalizeHeader);
  const custom = !BUILTIN_LEXICONS.has(schema.name);
  const columnValues = (c: number): string[] => samples.map((row) => row[c] ?? '');

  // 1. Header candidates.
  const candidates: Candidate[] = headerCandidates(schema, headers, normalized).map((c) => ({ ...c, header: c.confidence }));
  // Names, companies, places, titles recognised by their values compete with header matches
  // in the same pass: "Nome" holding "Marco Rossi" is a full name, whatever the word says.
  // names no list holds ("Chidinma", "Okonkwo") are told by the addresses beside them (email-names.ts)
  const addresses = samples.length > 0 && fields.some((f) => f.kind === 'given_name' || f.kind === 'family_name') ? emailColumnValues(Math.min(headers.length, MAX_SCANNED_COLUMNS), columnValues) : undefined;
  if (samples.length > 0) {
    const scanned = Math.min(headers.length, MAX_SCANNED_COLUMNS);
    fields.forEach((def, field) => {
      if (def.kind === undefined) return;
      const part = def.kind === 'given_name' ? 'given' : def.kind === 'family_name' ? 'family' : undefined;
      for (let column = 0; column < scanned; column++) {
        if (!varies(columnValues(column)) || (PLACE_KINDS.has(def.kind) && namesRegion(normalized[column] ?? ''))) continue;
        let { share, count } = kindShare(columnValues(column), def.kind);
        const byAddress = part === undefined || addresses === undefined ? undefined : namePartByEmail(columnValues(column), addresses);
        if (byAddress !== undefined && byAddress.part === part && byAddress.share > share) ({ share, count } = byAddress);
        // an employer with no legal form in its name ("Lycée Blaise Diagne", "Ebube Engineering Ltd", "Espital de Purpan")
        const organisations = def.kind === 'company_name' ? organisationShare(columnValues(column)) : undefined;
        if (organisations !== undefined && organisations.share > share) ({ share, count } = organisations);
        if (count >= 2 && share >= KIND_MIN_SHARE) candidates.push({ field, column, confidence: round2(KIND_BASE + KIND_SPAN * share), reason: 'value_pattern', rank: 1e6 });
      }
    });
  }
  // a CDR's two party columns ("From"/"To"): the other party is one of them
  for (const p of partyColumnCandidates(fields, headers)) candidates.push({ ...p, reason: 'synonym', rank: 0 });
  // owners, salutations and profiles never take a name, a title or a domain (negative-cues.ts)
  const refused = (field: number, column: number): boolean => refusesField(fields[field]!, normalized[column] ?? '', columnValues(column), headers[column]);
  for (let i = candidates.length - 1; i >= 0; i--) if (refused(candidates[i]!.field, candidates[i]!.column)) candidates.splice(i, 1);

  // 2. Weigh header matches by their values: samples that do not fit the field's type (or,
  //    for a duration, are clock times), an empty or sparse column, values of another kind.
  const fitCache = new Map<string, number>();
  const fitRatio = (field: number, column: number): number => {
    const key = `${field}:${column}`;
    let r = fitCache.get(key);
    if (r === undefined) {
      r = valueFit(fields[field]!, columnValues(column), ctx);
      fitCache.set(key, r);
    }
    return r;
  };
  const wholeName = fields.findIndex((f) => f.kind === 'person_name');
  // columns a header names as the other party ("Hringt í"), whose numbers may be printed too
  // short to read as phone numbers on their own (Iceland's seven digits, "552 1234")
  const partyHeaded = new Set(candidates.filter((c) => c.header !== undefined && fields[c.field]!.name === 'counterpart_number').map((c) => c.column));
  const ownLines = samples.length > 0 ? ownLineColumns(fields, headers.length, columnValues, ctx, partyHeaded) : new Set<number>();
  const subscriber = fields.findIndex((f) => f.name === 'subscriber_number');
  const moved: Candidate[] = [];
  const parties = findPartyColumns(headers);
  const partyColumns = new Set(parties === undefined ? [] : [parties.calling, parties.called]);
  for (const c of candidates) {
    const def = fields[c.field]!;
    const values = columnValues(c.column);
    const r = fitRatio(c.field, c.column);
    if (r < 0.5) c.confidence = c.confidence * (0.4 + 0.6 * r);
    let kf = kindFactor(def, values);
    // "Nom", "Name", "Nome" holding "Claire Dubois": the header says a part, the values the whole name
    // (by word count alone only when no other column's header names the other part of the name:
    // "محمد علی" under "نام" beside "نام خانوادگی" is a given name of two words)
    const whole = wholeName >= 0 && c.header !== undefined ? holdsWholeNames(def, values) : false;
    const otherPart = () => candidates.some((o) => o.column !== c.column && o.header !== undefined && fields[o.field]!.kind !== def.kind && (fields[o.field]!.kind === 'given_name' || fields[o.field]!.kind === 'family_name'));
    if (whole === 'listed' || (whole === 'unlisted' && !otherPart())) {
      moved.push({ ...c, field: wholeName, confidence: round2(c.confidence * WHOLE_NAME_SCALE), rank: c.rank + 1 });
      kf = Math.min(kf, KIND_CLASH_FACTOR);
    }
    // the other way: "Ainm" (a name) over "Mòrag", "Dòmhnall" whose addresses open with them is
    // no whole name; the part the addresses say is a candidate of its own (step 1), below the threshold
    const part = def.kind === 'person_name' && addresses !== undefined ? namePartByEmail(values, addresses) : undefined;
    if (part !== undefined && part.share >= KIND_MIN_SHARE) kf = Math.min(kf, KIND_CLASH_FACTOR);
    // a header that says "number" over one number on every row names the subscriber's own line
    const otherPartyOnOwnLine = def.name === 'counterpart_number' && ownLines.has(c.column);
    if (otherPartyOnOwnLine && subscriber >= 0 && c.header !== undefined) moved.push({ ...c, field: subscriber, confidence: round2(Math.min(c.confidence, CONF_OWN_LINE)), rank: c.rank + 1 });
    c.confidence = round2(c.confidence * fillFactor(values) * kf * (otherPartyOnOwnLine ? OWN_LINE_SCALE : 1));
    // a CDR's calling and called columns are read row by row (the builder switches to the calling
    // number on inbound rows), whatever their fill: their own order stands
    if (!partyColumns.has(c.column)) c.filled = filledShare(values);
  }
  candidates.push(...moved);
  // One header that names the line in one language and the other party in another (Hausa
  // "lambarka", your number; Somali "lambarka", the number), as sure for both: numbers that
  // change from row to row are the other party's, the line is one number per log.
  const counterpart = fields.findIndex((f) => f.name === 'counterpart_number');
  for (const line of subscriber >= 0 && counterpart >= 0 ? candidates : []) {
    if (line.field !== subscriber || line.header === undefined) continue;
    const party = candidates.find((c) => c.field === counterpart && c.column === line.column && c.header !== undefined && c.confidence >= line.confidence);
    if (party !== undefined && changesFromRowToRow(columnValues(line.column))) line.confidence = round2(party.confidence - 0.01);
  }
  // Two length columns a header names, one within the other on every row: the shorter is the
  // time talked (`billsec` within `duration`), and wins where the headers were as sure.
  fields.forEach((def, field) => {
    if (def.type !== 'duration') return;
    const own = candidates.filter((c) => c.field === field && c.header !== undefined && c.confidence >= MIN_CANDIDATE);
    for (const longer of own) {
      for (const shorter of own) {
        if (shorter.column === longer.column || shorter.confidence < longer.confidence - TALK_TIME_MARGIN) continue;
        const column = (c: number) => ({ header: headers[c] ?? '', values: columnValues(c) });
        if (liesWithin(column(shorter.column), column(longer.column))) longer.confidence = Math.min(longer.confidence, round2(shorter.confidence - 0.01));
      }
    }
  });

  // A billed length beside the length measured (`billed_sec` beside `call_sec`, a length whose
  // header says only its unit): the billed one is the call rounded up to the billing step, so
  // the measured one is offered, below the threshold (its header does not name the field), and
  // the billed one falls below it.
  fields.forEach((def, field) => {
    if (def.type !== 'duration') return;
    for (const billed of candidates.filter((c) => c.field === field && c.header !== undefined && c.confidence >= MIN_CANDIDATE && saysBilledLength(normalized[c.column] ?? ''))) {
      const others = headers.flatMap((header, column) =>
        column === billed.column || column >= MAX_SCANNED_COLUMNS || candidates.some((o) => o.column === column && (o.header ?? 0) >= HEADER_EVIDENCE) ? [] : [{ column, header, values: columnValues(column) }],
      );
      const measured = measuredWithinBilled({ header: headers[billed.column] ?? '', values: columnValues(billed.column) }, others);
      if (measured.length === 0) continue;
      billed.confidence = Math.min(billed.confidence, round2(CONF_MEASURED_BESIDE_BILLED - 0.01));
      for (const column of measured) candidates.push({ field, column, confidence: CONF_MEASURED_BESIDE_BILLED, reason: 'value_pattern', rank: 1e6, filled: filledShare(columnValues(column)) });
    }
  });

  // Of an exact figure and its band, both named by their headers (`Umsatz (Mio. €)` beside
  // `Umsatzklasse`, `Employees` beside `Employee Range`), the exact one is the field: the band
  // only says where it falls. It wins where its header was nearly as sure.
  fields.forEach((def, field) => {
    if (def.type !== 'integer' && def.type !== 'number' && def.type !== 'money') return;
    const own = candidates.filter((c) => c.field === field && (c.header ?? 0) >= HEADER_EVIDENCE && c.confidence >= MIN_CANDIDATE);
    const exact = own.filter((c) => rangeShare(columnValues(c.column)) === 0 && fitRatio(c.field, c.column) >= VALUE_MIN_RATIO && columnValues(c.column).some((v) => !isBlankCell(v)));
    if (exact.length === 0) return;
    const best = Math.max(...exact.map((c) => c.confidence));
    for (const band of own) {
      if (rangeShare(columnValues(band.column)) >= RANGE_MIN_SHARE && band.confidence >= best && band.confidence - best <= EXACT_OVER_BAND_MARGIN) band.confidence = round2(best - 0.01);
    }
  });

  // 3. Assign greedily, best first; then give date-only / time-only datetime columns their
  //    partner before value patterns can claim it (a "14:05" column also looks like mm:ss).
  const fieldColumns = new Map<number, { column: number; confidence: number; reason: MappingReason }>();
  const usedColumns = copyColumns(headers, columnValues);
  const pairs = new Map<number, { sources: number[]; confidence: number }>();
  const pairDatetimes = (): void => {
    fields.forEach((def, field) => {
      const hit = fieldColumns.get(field);
      if (def.type !== 'datetime' || hit === undefined || pairs.has(field)) return;
      const pair = pairDateAndTime(schema, def, hit.column, normalized, columnValues, usedColumns);
      if (pair === null) return;
      pairs.set(field, pair);
      for (const c of pair.sources) usedColumns.add(c);
    });
  };
  assign(candidates, fieldColumns, usedColumns);
  freeTiedColumns(candidates, fieldColumns, usedColumns);
  pairDatetimes();

  // 4. Value patterns for fields still unmapped.
  if (samples.length > 0) {
    const valueCandidates: Candidate[] = [];
    // Values alone cannot tell two fields of one type apart (a call's other party from the
    // subscriber's own line: both are phone numbers); once the header evidence gave a column
    // to one of them, a look-alike column is not guessed onto the other.
    // A column that reads as both directions does tell its field apart: `발신`/`착신` beside a
    // record type's `음성`/`문자` is the direction.
    const typesTaken = new Set([...fieldColumns.keys()].map((f) => fields[f]!.type));
    fields.forEach((def, field) => {
      if (fieldColumns.has(field)) return;
      const typeTaken = typesTaken.has(def.type) && fields.filter((f) => f.type === def.type).length > 1;
      if (typeTaken && def.codes !== 'call_direction') return;
      for (let column = 0; column < Math.min(headers.length, MAX_SCANNED_COLUMNS); column++) {
        if (usedColumns.has(column) || refused(field, column)) continue;
        const values = columnValues(column);
        if (typeTaken && !bothDirections(values)) continue;
        if (def.kind !== undefined) continue; // weighed with the headers above
        if (def.type === 'duration' && timeColumnKind(values) === 'clock') continue;
        // a call code guessed from a column filled on a few rows (a recording's file name
        // "out-4155550142-...wav") says nothing of the other calls
        if (def.codes !== undefined && values.filter((v) => !isBlankCell(v)).length * 2 < values.length) continue;
        // a tenant's own schema has no lexicon: its number fields take numeric columns by their values too
        // and a phone field takes numbers printed as phone numbers of any region ("050 000 9876" in a Finnish bill read with "US")
        const looks =
          custom && (def.type === 'number' || def.type === 'integer')
            ? (v: string) => fitsField(def, v, ctx)
            : def.type === 'phone'
              ? (v: string) => looksLikeField(def, v, ctx) || printedAsPhone(v)
              : def.type === 'money' && namesCurrency(headers[column] ?? '')
                ? // whole amounts under a header that names its currency ("Amafaranga (RWF)": 45, 0, 20)
                  (v: string) => looksLikeField(def, v, ctx) || parseNumber(v).ok
              : def.type === 'duration' && noteSaysSeconds(headers[column] ?? '')
                ? // plain numbers under a header noting seconds in a language nobody wrote words for ("Igihe (amasegonda)")
                  (v: string) => looksLikeField(def, v, ctx) || /^\d+(?:[.,]\d+)?$/.test(v.trim())
              : def.codes === 'call_direction' && bothDirections(values)
                ? // a PBX's internal calls ("Internal") have no direction but belong in a column of inbound and outbound ones
                  (v: string) => looksLikeField(def, v, ctx) || readCallCode(v)?.internal === true
                : (v: string) => looksLikeField(def, v, ctx);
        const { ratio: share, count } = ratio(values, looks);
        if (count === 0 || share < VALUE_MIN_RATIO) continue;
        valueCandidates.push({ field, column, confidence: round2(VALUE_BASE + VALUE_SPAN * share), reason: 'value_pattern', rank: 0 });
      }
    });
    // The line whose log it is: a phone column with one number on every row beside one whose
    // numbers change (the other party), whatever its header. Only when exactly one such
    // column is left; two would be a choice for a person.
    const freeOwnLines = [...ownLines].filter((column) => !usedColumns.has(column) && !refused(subscriber, column) && lineByItsValues(normalized[column] ?? '', columnValues(column), fields[subscriber]!, ctx));
    // a CDR with calling and called columns gives the line from them, call by call
    if (subscriber >= 0 && !fieldColumns.has(subscriber) && freeOwnLines.length === 1 && findPartyColumns(headers) === undefined) {
      valueCandidates.push({ field: subscriber, column: freeOwnLines[0]!, confidence: CONF_OWN_LINE_BY_VALUES, reason: 'value_pattern', rank: 0 });
    }
    // a bill's bare "Description" column beside its call-type column names where calls went
    const location = fields.findIndex((f) => f.name === 'location');
    const recordType = fields.findIndex((f) => f.codes === 'call_record_type');
    if (location >= 0 && recordType >= 0 && !fieldColumns.has(location) && fieldColumns.has(recordType)) {
      for (let column = 0; column < Math.min(headers.length, MAX_SCANNED_COLUMNS); column++) {
        if (usedColumns.has(column) || !describesDestination(normalized[column] ?? '', columnValues(column))) continue;
        valueCandidates.push({ field: location, column, confidence: CONF_DESCRIBED_DESTINATION, reason: 'synonym', rank: 0 });
      }
    }
    // a technographic export's product column ("Salesforce Sales Cloud") under a header no
    // vocabulary gives the field ("Product"): the software the company runs, for a person to confirm
    const technologies = fields.findIndex((f) => f.name === 'technologies');
    if (technologies >= 0 && !fieldColumns.has(technologies)) {
      for (let column = 0; column < Math.min(headers.length, MAX_SCANNED_COLUMNS); column++) {
        if (usedColumns.has(column) || !namesTechnologies(columnValues(column))) continue;
        valueCandidates.push({ field: technologies, column, confidence: CONF_TECHNOLOGIES_BY_VALUES, reason: 'value_pattern', rank: 0 });
      }
    }
    // a company list's only column of whole counts, under a header nobody reads, is its staff (headcount-by-values.ts)
    const staff = fields.findIndex((f) => f.name === 'employee_count');
    if (staff >= 0 && !fieldColumns.has(staff) && !custom) {
      // only headers that name nothing the mapper knows: a postcode, a customer number or a count of reviews says what it is
      const free = headers.map((_, c) => c).filter((c) => c < MAX_SCANNED_COLUMNS && !usedColumns.has(c) && !headerReads(headers[c] ?? '', normalized[c] ?? '', [schema]));
      const column = soleCountColumn(free, columnValues);
      if (column !== undefined) valueCandidates.push({ field: staff, column, confidence: CONF_STAFF_BY_VALUES, reason: 'value_pattern', rank: 0 });
    }
    preferSmallestAmounts(fields, valueCandidates, columnValues, headers);
    preferTotals(fields, valueCandidates, columnValues);
    assign(valueCandidates, fieldColumns, usedColumns);
    pairDatetimes();
    // a bill's one line column ("Abonnementsnummer": one number on every row) taken for the
    // account is the line whose log it is as well: the schema allows the account to be the line
    const account = fieldColumns.get(fields.findIndex((f) => f.name === 'account_number'));
    // (numbers dialled as such, "+45..." or "070-...": a customer number is not)
    const dialled = (v: string) => isBlankCell(v) || /^\s*[+0]/.test(v);
    if (subscriber >= 0 && !fieldColumns.has(subscriber) && account !== undefined && ownLines.has(account.column) && columnValues(account.column).every(dialled) && lineByItsValues(normalized[account.column] ?? '', columnValues(account.column), fields[subscriber]!, ctx)) {
      fieldColumns.set(subscriber, { ...account });
    }
  }

  // columns whose header names a person's name, before any is dropped below as someone else's
  const nameHeaded = new Set(candidates.filter((c) => NAME_PART_KINDS.has(fields[c.field]!.kind) && (c.header ?? 0) >= HEADER_EVIDENCE).map((c) => c.column));
  // A whole name beside its parts names the same person on each row; a column that does not
  // is someone else's name (an owner's, "our contact") and is left unused.
  for (const gone of dropOtherPeople(fields, fieldColumns, usedColumns, columnValues)) {
    for (let i = candidates.length - 1; i >= 0; i--) if (candidates[i]!.field === gone.field && candidates[i]!.column === gone.column) candidates.splice(i, 1);
    takeMissingNamePart(fields, fieldColumns, usedColumns, columnValues, gone);
  }

  takeFirmsUnderNameHeader(fields, nameHeaded, fieldColumns, usedColumns, columnValues, refused);
  capUnconfirmedWholeName(fields, fieldColumns, columnValues);
  capNumberedPeople(fields, fieldColumns, normalized);
  dropWeakCodes(fields, fieldColumns, usedColumns, columnValues);
  takeTotalOverComponent(fields, fieldColumns, usedColumns, Math.min(headers.length, MAX_SCANNED_COLUMNS), columnValues);

  // A country's values are a closed list: a column taken for it whose values are not countries
  // ("Kraj" holding regions, "Straat" only like "Staat") is left unmapped, and a person is asked.
  const notCountries: string[] = [];
  for (const [field, hit] of [...fieldColumns]) {
    const def = fields[field]!;
    if (def.kind !== 'country' || !notOfKind(columnValues(hit.column), 'country')) continue;
    unmapField(fieldColumns, usedColumns, field);
    notCountries.push(`${def.name} <- "${headers[hit.column] ?? ''}" (values are not countries)`);
  }

  // 5. Field mappings, in schema order.
  const mapped: FieldMapping[] = [];
  fields.forEach((def, field) => {
    const hit = fieldColumns.get(field);
    if (hit === undefined) return;
    const pair = pairs.get(field);
    const sources = pair?.sources ?? [hit.column];
    const confidence = pair === undefined ? hit.confidence : Math.min(hit.confidence, pair.confidence);
    const transforms = numberTransforms(def, headers[sources[0]!] ?? '', columnValues(sources[0]!));
    // a duration in minutes that only the call's own start and end say is in minutes
    if (def.type === 'duration' && sources.length === 1 && durationScaleFromClocks(headers, samples, sources[0]!) === 60) transforms.push({ kind: 'scale', factor: 60 });
    mapped.push({
      field: def.name,
      sources,
      sourceHeaders: sources.map((c) => headers[c] ?? ''),
      confidence: round2(confidence),
      reason: hit.reason,
      ...(transforms.length > 0 ? { transforms } : {}),
    });
  });

  // 6. Status, and what the mapping leaves out. A call log gives some fields without a column
  //    of their own (the line from the party columns, the record type from its headers).
  const provisional: MappingResult = { status: 'mapped', schema: schema.name, fields: mapped, confidence: 1, missingRequired: [] };
  const filledWithoutColumns = fieldsFilledWithoutColumns({ schema, mapping: provisional, headers, region: ctx.defaultRegion, sample: samples });
  mapped.push(...codesFromSiblingColumn(fields, mapped, filledWithoutColumns, columnValues));
  const unsettled = [...notCountries, ...unsettledFields(schema, candidates, fieldColumns, usedColumns, { headers, columnValues, filledWithoutColumns, ctx, refused })];
  // the line's number taken from one column while another holds one number on every row too:
  // which of the two is the line is a person's call ("Előfizetői szám" beside "Hívó szám")
  if (subscriber >= 0 && fieldColumns.has(subscriber)) {
    for (const column of ownLines) if (!usedColumns.has(column) && lineByItsValues(normalized[column] ?? '', columnValues(column), fields[subscriber]!, ctx)) unsettled.push(`${fields[subscriber]!.name} <- "${headers[column] ?? ''}" (one number on every row)`);
  }
  // a filled column none of whose words the mapper knows may hold a field in words nobody wrote down
  const taken = new Set([...usedColumns, ...mapped.flatMap((m) => m.sources)]);
  const unread = unreadColumns({ headers, normalized, columnValues, usedColumns: taken, schema }).map((c) => headers[c] ?? '');
  return summarizeMapping(schema, mapped, threshold, { headers, sampleRows: samples, filledWithoutColumns, unsettled, unread });
}

/**
 * A call-code field (direction, record type) that Enrich reads from the column its sibling
 * is mapped to ("Teenus": "Väljuv kõne", "Sissetulev kõne", "SMS"): the mapping says so, on
 * that column, at the sibling's confidence, rather than leaving the field unnamed. Only where
 * the column tells two codes of the field apart.
 */
function codesFromSiblingColumn(
  fields: readonly FieldDefinition[],
  mapped: readonly FieldMapping[],
  filledWithoutColumns: readonly string[],
  columnValues: (c: number) => string[],
): FieldMapping[] {
  const out: FieldMapping[] = [];
  for (const def of fields) {
    if (def.codes === undefined || !filledWithoutColumns.includes(def.name) || mapped.some((m) => m.field === def.name)) continue;
    const sibling = mapped.find((m) => m.sources.length === 1 && fields.find((f) => f.name === m.field)?.codes !== undefined);
    if (sibling === undefined) continue;
    const filled = columnValues(sibling.sources[0]!).filter((v) => !isBlankCell(v));
    const read = filled.map((v) => {
      const code = readCallCode(v);
      return def.codes === 'call_direction' ? code?.direction : code?.recordType;
    });
    const says = read.filter((code) => code !== undefined).length;
    // one code on every row ("Gọi vào", "Gọi ra": a call each time) tells no call from another:
    // the column is its sibling's, and Enrich still reads the code from it
    if (says === 0 || says * 2 < filled.length || new Set(read.filter((code) => code !== undefined)).size < 2) continue;
    out.push({ field: def.name, sources: [...sibling.sources], sourceHeaders: [...sibling.sourceHeaders], confidence: sibling.confidence, reason: 'value_pattern' });
  }
  return out;
}

/**
 * Of several amount columns a money field could take by their values alone, the one that is
 * the sum of the others on every row is the total (China Telecom's `小计` beside its base and
 * long-distance fees, a bill's `Total` beside airtime and surcharges): the charge of the call.
 * It must differ from each other column on some row, so a copy is no total. It wins by a
 * hundredth, still below the threshold (values alone say it).
 */
function preferTotals(fields: readonly FieldDefinition[], candidates: Candidate[], columnValues: (c: number) => string[]): void {
  fields.forEach((def, field) => {
    if (def.type !== 'money') return;
    const own = candidates.filter((c) => c.field === field);
    if (own.length < 3) return;
    const amount = (v: string): number => {
      if (isBlankCell(v)) return 0;
      const m = parseMoney(v, 'USD');
      return m.ok ? m.micros : Number.NaN;
    };
    const columns = own.map((c) => columnValues(c.column).map(amount));
    own.forEach((total, i) => {
      const others = columns.filter((_, j) => j !== i);
      const rows = columns[i]!.length;
      if (rows < 2) return;
      const sums = columns[i]!.every((v, row) => !Number.isNaN(v) && Math.abs(v - others.reduce((sum, o) => sum + (o[row] ?? Number.NaN), 0)) < 1);
      const copy = others.some((o) => o.every((v, row) => v === columns[i]![row]));
      if (sums && !copy) total.confidence = round2(Math.max(...own.map((c) => c.confidence)) + 0.01);
    });
  });
}

/**
 * Of several columns a money field could take by their values under headers that name the
 * currency ("Sarany (Ar)", "Tavela (Ar)"), the charge is the one of the smallest amounts: a
 * balance, a credit or a month's total runs higher than a call's charge. It wins by a
 * hundredth, still below the threshold (values alone say it).
 */
function preferSmallestAmounts(fields: readonly FieldDefinition[], candidates: Candidate[], columnValues: (c: number) => string[], headers: readonly string[]): void {
  fields.forEach((def, field) => {
    if (def.type !== 'money') return;
    const own = candidates.filter((c) => c.field === field && namesCurrency(headers[c.column] ?? ''));
    if (own.length < 2) return;
    const median = (c: Candidate): number => {
      const xs = columnValues(c.column).map((v) => parseNumber(v)).flatMap((n) => (n.ok ? [Math.abs(n.value)] : [])).sort((a, b) => a - b);
      return xs.length === 0 ? Number.POSITIVE_INFINITY : xs[Math.floor(xs.length / 2)]!;
    };
    // each column's median once, not once per comparison
    const medians = own.map(median);
    const smallest = own[medians.indexOf(Math.min(...medians))]!;
    smallest.confidence = round2(Math.max(...own.map((c) => c.confidence)) + 0.01);
  });
}

/** a charge moved from a fee to the total of it and the other fees (takeTotalOverComponent): a person confirms it */
const CONF_TOTAL_OF_FEES = 0.6;

/**
 * A charge taken from one fee of a bill whose unused column is that fee plus the others on every
 * row (`市话费` beside `漫游费` and their `合计`; `Amount` beside `VAT` and `Total`): what the call
 * cost is the total. The charge moves there, below the threshold, so a person confirms it; the
 * header named only the fee. The total must differ from the fee on some row.
 */
function takeTotalOverComponent(
  fields: readonly FieldDefinition[],
  fieldColumns: Map<number, { column: number; confidence: number; reason: MappingReason }>,
  usedColumns: Set<number>,
  columns: number,
  columnValues: (c: number) => string[],
): void {
  const amounts = (c: number): number[] | undefined => {
    const values = columnValues(c);
    if (values.filter((v) => !isBlankCell(v)).length < 2) return undefined;
    const out: number[] = [];
    for (const v of values) {
      if (isBlankCell(v)) {
        out.push(0);
        continue;
      }
      if (!/\d[.,]\d{2,4}$/.test(v.trim())) return undefined; // amounts print their cents; counts and lengths do not
      const m = parseMoney(v, 'USD');
      if (!m.ok) return undefined;
      out.push(m.micros);
    }
    return out;
  };
  fields.forEach((def, field) => {
    const hit = fieldColumns.get(field);
    if (def.type !== 'money' || hit === undefined) return;
    const fee = amounts(hit.column);
    if (fee === undefined) return;
    const free = [...Array(columns).keys()].filter((c) => c !== hit.column && !usedColumns.has(c)).flatMap((c) => {
      const a = amounts(c);
      return a === undefined ? [] : [{ column: c, values: a }];
    });
    for (const total of free) {
      const others = free.filter((o) => o.column !== total.column && o.values.some((v, row) => v <= total.values[row]!));
      const sums = total.values.every((t, row) => Math.abs(t - fee[row]! - others.reduce((sum, o) => sum + o.values[row]!, 0)) < 1);
      if (!sums || others.length === 0 || total.values.every((t, row) => t === fee[row])) continue;
      usedColumns.delete(hit.column);
      fieldColumns.set(field, { column: total.column, confidence: Math.min(hit.confidence, CONF_TOTAL_OF_FEES), reason: 'value_pattern' });
      usedColumns.add(total.column);
      return;
    }
  });
}

/** True when a column's values say both directions ("Outbound", "Inbound"): a direction column, not a dialplan context. */
function bothDirections(values: readonly string[]): boolean {
  const seen = new Set(values.map((v) => readCallCode(v)?.direction).filter((d) => d !== undefined));
  return seen.size === 2;
}

/** value kinds of places: a province's column does not take them by its values alone (negative-cues.ts namesRegion) */
const PLACE_KINDS: ReadonlySet<ValueKind | undefined> = new Set(['country', 'city']);

/** types whose values alone say what a column holds: an unused column of them is a field left out */
const DISTINCTIVE_TYPES = new Set(['phone', 'email']);

/**
 * A phone number of another region than the job's, printed in groups as people print them
 * ("0470 00 01 01", "06.12.34.56.78", "03-0000456"): a timestamp id ("1700000000.1"), a date
 * ("2026-11-02") or a plain count is not.
 */
function printedAsPhone(raw: string): boolean {
  const v = raw.trim();
  if (!/^\+?\d[\d\s().-]{6,}\d$/.test(v) || detectDateTimeShape(v) !== null) return false;
  // grouped ("0470 00 01 01"), or a trunk prefix and the subscriber part ("03-0000456", "+45 33000048")
  return (v.match(/[\s().-]/g) ?? []).length >= 2 || /^(?:\+\d{1,3}|0\d{1,4})[\s.-]\d{5,10}$/.test(v);
}

/** True when two distinct values of a column read as the same call code (so they say something more the rules do not read). */
function wordingsBeyondCodes(values: readonly string[]): boolean {
  const byCode = new Map<string, string>();
  for (const v of new Set(values.filter((x) => !isBlankCell(x)).map((x) => x.trim()))) {
    const code = readCallCode(v);
    if (code === undefined) continue;
    const key = `${code.direction ?? ''}|${code.recordType ?? ''}`;
    const seen = byCode.get(key);
    if (seen !== undefined && seen.toLowerCase() !== v.toLowerCase()) return true;
    byCode.set(key, v);
  }
  return false;
}

/** value kinds whose values alone say what a column is; person names are left out (owners and managers are person names too) */
/** share of an unused column's samples of such a kind that makes it evidence (the name lists know only part of the world's cities and companies) */
const KIND_EVIDENCE_SHARE = 0.5;
const VALUE_EVIDENT_KINDS: ReadonlySet<ValueKind> = new Set(['company_name', 'city', 'country', 'industry', 'job_title']);
/**
 * Legal forms are printed on only some of a list's firms ("Alpha Ltd", "Beta Studio",
 * "Gamma"): a quarter of the samples carrying one already says the column holds companies.
 */
const KIND_EVIDENCE_SHARES: Partial<Record<ValueKind, number>> = { company_name: 0.25 };
/**
 * Firms and institutions known by the noun that ends their name ("Addington Hospital", "Arora
 * Hand Tools") beside legal forms: less sure than a legal form, so two in five samples.
 */
const ORGANISATION_EVIDENCE_SHARE = 0.4;
/** fields of no value kind of their own that hold places: a call's place is a country or a city ("Danmark", "Verden 1", "Lyon") */
const PLACE_FIELD_KINDS: Partial<Record<string, ValueKind[]>> = { location: ['country', 'city'] };

function mappedNamesOf(fields: readonly FieldDefinition[], fieldColumns: ReadonlyMap<number, unknown>): Set<string> {
  return new Set([...fieldColumns.keys()].map((f) => fields[f]!.name));
}

/** near-miss headers are looked for in this many columns (the lexicon's fuzzy scan stops there too) */
const NEAR_SCANNED_COLUMNS = 150;

/** a header that names a field this strongly (before its values are weighed) is evidence the mapping must account for */
const HEADER_EVIDENCE = 0.6;

/**
 * Fields the mapping leaves out although the file speaks of them, so it cannot be taken
 * without a person: a column whose header names the field (a synonym, a close wording) is
 * left unused because its values did not fit ("Tipo de servicio" holding codes the reader
 * does not know), or a name is mapped in part only (a family name without a given name or a
 * full name: "Nom" may as well be the whole name). Each entry reads `field <- "header"` or
 * `field (part of name)`.
 */
function unsettledFields(
  schema: SchemaDefinition,
  candidates: readonly Candidate[],
  fieldColumns: ReadonlyMap<number, unknown>,
  usedColumns: ReadonlySet<number>,
  file: { headers: readonly string[]; columnValues: (c: number) => string[]; filledWithoutColumns: readonly string[]; ctx: ValueCheckContext; refused: (field: number, column: number) => boolean },
): string[] {
  const fields = schema.fields;
  const out: string[] = [];
  const filledElsewhere = new Set(file.filledWithoutColumns);
  const codeColumns = new Set([...(fieldColumns as ReadonlyMap<number, { column: number }>)].filter(([f]) => fields[f]!.codes !== undefined).map(([, hit]) => hit.column));
  for (const c of candidates) {
    const def = fields[c.field]!;
    // a column taken for one call code whose header names the other may say both: "Tip apel"
    // over "Apel efectuat" / "Apel primit", two wordings of one service that differ in something else
    const shared = def.codes !== undefined && codeColumns.has(c.column) && wordingsBeyondCodes(file.columnValues(c.column));
    if ((c.header ?? 0) < HEADER_EVIDENCE || fieldColumns.has(c.field) || (usedColumns.has(c.column) && !shared) || filledElsewhere.has(def.name)) continue;
    if (def.microsField === undefined && fields.some((f) => f.microsField === def.name)) continue; // written with its money field
    if (!file.columnValues(c.column).some((v) => !isBlankCell(v))) continue;
    // a figure's header over lengths of time ("Total Talk", "Total Hold": 00:04:01) names a
    // time, not an amount or a count the mapping left out
    if (NUMBER_TYPES.has(def.type) && ratio(file.columnValues(c.column), (v) => CLOCK_LENGTH.test(v.trim())).ratio >= VALUE_MIN_RATIO) continue;
    const entry = `${def.name} <- "${file.headers[c.column] ?? ''}"`;
    if (!out.includes(entry)) out.push(entry);
  }
  // an unused column whose values are all of a distinctive type an unmapped field has (a
  // second line of phone numbers in a bill whose subscriber number is left out)
  for (const def of fields) {
    if (!DISTINCTIVE_TYPES.has(def.type) || mappedNamesOf(fields, fieldColumns).has(def.name) || filledElsewhere.has(def.name)) continue;
    file.headers.forEach((h, column) => {
      // an identifier ("Call ID" 00000-1000) is not a number to call; a sparse column says too little
      if (usedColumns.has(column) || column >= MAX_SCANNED_COLUMNS || normalizeHeader(h).split(' ').some((w) => ID_WORDS.has(w))) return;
      const values = file.columnValues(column);
      // one number on every row is a line's or a switchboard's own, not a value per record
      if (new Set(values.filter((v) => !isBlankCell(v))).size <= 1) return;
      const { ratio: share, count } = ratio(values, (v) => looksLikeField(def, v, file.ctx) || (def.type === 'phone' && printedAsPhone(v)));
      if (count >= 2 && count * 2 >= values.length && share >= VALUE_MIN_RATIO) out.push(`${def.name} <- "${h}"`);
    });
  }
  // an unused column whose values are of the kind an unmapped field holds (company names by
  // their legal forms, known cities or countries, industries, job titles) under a header no
  // vocabulary knows ("Stranka", "Asukoht"): the file very likely has that field
  for (const def of fields) {
    const kinds = def.kind !== undefined && VALUE_EVIDENT_KINDS.has(def.kind) ? [def.kind] : (PLACE_FIELD_KINDS[def.name] ?? []);
    if (kinds.length === 0 || mappedNamesOf(fields, fieldColumns).has(def.name) || filledElsewhere.has(def.name)) continue;
    file.headers.forEach((h, column) => {
      if (usedColumns.has(column) || column >= MAX_SCANNED_COLUMNS || file.refused(fields.indexOf(def), column) || !varies(file.columnValues(column))) return;
      if (namesRegion(normalizeHeader(h))) return; // a province's codes read as countries ("BG", "NA")
      const evident = kinds.some((kind) => {
        const { share, count } = kindShare(file.columnValues(column), kind);
        if (count >= 2 && share >= (KIND_EVIDENCE_SHARES[kind] ?? KIND_EVIDENCE_SHARE)) return true;
        // an employer, an affiliation or a member's firm under a header no vocabulary knows
        const organisations = kind === 'company_name' ? organisationShare(file.columnValues(column)) : undefined;
        return organisations !== undefined && organisations.count >= 2 && organisations.share >= ORGANISATION_EVIDENCE_SHARE;
      });
      if (evident) out.push(`${def.name} <- "${h}" (by its values)`);
    });
  }
  // a call-code field (direction, record type) left out while a column says it on some rows:
  // the column taken for its sibling ("Sissetulev kõne" reads as inbound, "Väljuv kõne" only
  // as a call), or an unused one where the rules read it on half the rows or more ("Вихідний
  // дзвінок", "Вихідне SMS"); the other rows very likely say it in words the rules do not know
  for (const def of fields) {
    // a field Enrich fills from the codes of any column (filledWithoutColumns) is not left out
    if (def.codes === undefined || mappedNamesOf(fields, fieldColumns).has(def.name) || filledElsewhere.has(def.name)) continue;
    file.headers.forEach((h, column) => {
      const taken = codeColumns.has(column);
      if ((!taken && usedColumns.has(column)) || column >= MAX_SCANNED_COLUMNS) return;
      const filled = file.columnValues(column).filter((v) => !isBlankCell(v));
      const hits = filled.filter((v) => { const code = readCallCode(v); return (def.codes === 'call_direction' ? code?.direction : code?.recordType) !== undefined; }).length;
      if (taken ? hits > 0 : hits >= 2 && hits * 2 >= filled.length) out.push(`${def.name} <- "${h}" (some of its values say it)`);
    });
  }
  // an unused column whose header nearly names a field the mapping lacks (one letter off a
  // term, another spelling of it: Bengali "পদবি" beside the lexicon's "পদবী"): near-header.ts
  const mappedNow = mappedNamesOf(fields, fieldColumns);
  const lacking = fields.flatMap((def, field) => (mappedNow.has(def.name) || filledElsewhere.has(def.name) || fields.some((f) => f.microsField === def.name) ? [] : [field]));
  file.headers.slice(0, NEAR_SCANNED_COLUMNS).forEach((h, column) => {
    if (usedColumns.has(column) || lacking.length === 0) return;
    const near = prepareNearHeader(h);
    for (const field of lacking) {
      const term = nearFieldTerm(schema, field, near);
      if (term === undefined || file.refused(field, column) || !varies(file.columnValues(column)) || !file.columnValues(column).some((v) => !isBlankCell(v))) continue;
      out.push(`${fields[field]!.name} <- "${h}" (close to "${term}")`);
    }
  });
  // a call code, a number or a name the values of an unused column say the file has
  const siblings = new Set(candidates.filter((c) => (c.header ?? 0) >= HEADER_EVIDENCE && fieldColumns.has(c.field)).map((c) => c.column));
  out.push(...leftOutByValues(schema, new Set([...mappedNamesOf(fields, fieldColumns), ...filledElsewhere]), usedColumns, { ...file, siblings }));
  // a name joined from parts: some parts mapped, the others and the whole name not
  const mappedNames = mappedNamesOf(fields, fieldColumns);
  for (const def of fields) {
    if (def.derive?.kind !== 'join' || mappedNames.has(def.name)) continue;
    const parts = def.derive.from;
    const have = parts.filter((p) => mappedNames.has(p));
    if (have.length > 0 && have.length < parts.length) out.push(`${parts.filter((p) => !mappedNames.has(p)).join(', ')} (part of ${def.name})`);
  }
  return [...new Set(out)];
}

/** Three rows or more, and more different values than half of them: a value per record, not one for the file. */
function changesFromRowToRow(values: readonly string[]): boolean {
  const filled = values.filter((v) => !isBlankCell(v)).map((v) => v.replace(/\D/g, ''));
  return filled.length >= 3 && new Set(filled).size * 2 > filled.length;
}

const NUMBER_TYPES: ReadonlySet<string> = new Set(['money', 'number', 'integer']);
/** a length of time as reports print it: `4:01`, `00:04:01` */
const CLOCK_LENGTH = /^\d{1,3}:\d{2}(?::\d{2})?$/;

/**
 * True unless a column holds one value on every filled row (three or more): a label repeated
 * (a form's question "Company name" beside its answers), which says nothing of each record, so
 * its values alone never name the field.
 */
function varies(values: readonly string[]): boolean {
  const filled = values.filter((v) => !isBlankCell(v)).map((v) => v.trim());
  return filled.length < 3 || new Set(filled).size > 1;
}

/** Share of a column's samples that fit the field (1 when too few to judge). Claude's answers are checked with it too. */
export function valueFit(def: FieldDefinition, values: readonly string[], ctx: ValueCheckContext): number {
  if (def.type === 'duration' && timeColumnKind(values) === 'clock') return 0;
  const numeric = def.type === 'integer' || def.type === 'number' || def.type === 'money';
  const { ratio: share, count } = ratio(values, (v) => fitsField(def, v, ctx) || (numeric && parseRange(v) !== undefined) || (def.type === 'phone' && isMaskedPhone(v)));
  // one or two samples are too few to judge a mixed column, but all of them failing is telling
  return count === 0 || (count < 3 && share > 0) ? 1 : share;
}

/**
 * A phone number with some digits masked, as bills print the numbers called for privacy
 * ("0151 000041xxx", "+49 30 12***45", "0612 34XX XX"): still a number called, though it
 * cannot be dialled. Five digits or more, and two to six masking characters in one run.
 */
export function isMaskedPhone(raw: string): boolean {
  const v = raw.trim();
  if (!/^\+?[\d\s().-]*\d[\d\s().-]*(?:[xX*•]{2,6}|[xX*•]{1,2}(?:\s[xX*•]{1,2}){1,2})[\d\s().-]*$/u.test(v)) return false;
  return (v.match(/\d/g) ?? []).length >= 5;
}

/**
 * An empty column in the samples says little for the field, whatever its header: a
 * mapping to it drops below the threshold, and a filled column of the same meaning wins
 * ("Business Phone" filled, "Mobile Phone" empty). Sparse columns lose a little.
 */
function fillFactor(values: readonly string[]): number {
  if (values.length === 0) return 1;
  const filled = filledShare(values);
  if (filled === 0) return EMPTY_COLUMN_SCALE;
  return filled >= 0.5 ? 1 : 0.85 + 0.3 * filled;
}

function filledShare(values: readonly string[]): number {
  return values.length === 0 ? 0 : values.filter((v) => !isBlankCell(v)).length / values.length;
}

/** a name-part header whose values are whole names offers the whole-name field this share of its confidence */
const WHOLE_NAME_SCALE = 0.85;
/** a call's other party on a column holding one number on every row: most likely the subscriber's own line */
const OWN_LINE_SCALE = 0.6;
/** the subscriber's own line, from a number header over one number on every row (>= OWN_LINE_MIN_ROWS) */
const CONF_OWN_LINE = 0.7;
const OWN_LINE_MIN_ROWS = 3;
/** the same, from the values alone: a PBX's caller-id column is constant too, so a person confirms it (below the threshold) */
const CONF_OWN_LINE_BY_VALUES = 0.6;

/** a header match whose values are of another kind keeps this share of its confidence */
const KIND_CLASH_FACTOR = 0.6;

function notOfKind(values: readonly string[], kind: ValueKind): boolean {
  const { share, count } = kindShare(values, kind);
  return count >= 2 && share < 0.3;
}

/**
 * True when a first- or last-name field's column holds names of several words, at least two of
 * them known person names; or, in a script the name lists do not cover (Persian, Armenian,
 * Mongolian, Bengali, ...: "علی رضایی", "Անի Պետրոսյան"), two to four words without digits on
 * every such row and no company form among them. Languages whose word for "name" is also the
 * word for the given name ("نام", "Անուն", "Нэр") head a whole-name column as often as a
 * given-name one.
 */
function holdsWholeNames(def: FieldDefinition, values: readonly string[]): 'listed' | 'unlisted' | false {
  if (def.kind !== 'given_name' && def.kind !== 'family_name') return false;
  const filled = values.filter((v) => !isBlankCell(v));
  const several = filled.filter((v) => /\S\s+\S/.test(v.trim()));
  if (filled.length === 0 || several.length / filled.length < 0.6) return false;
  if (kindShare(several, 'person_name').share * several.length >= 2) return 'listed';
  const unlisted = several.filter((v) => !/\p{Script=Latin}|[\d@]/u.test(v) && v.trim().split(/\s+/).length <= 4);
  return unlisted.length >= 2 && unlisted.length === several.length && kindShare(several, 'company_name').share === 0 ? 'unlisted' : false;
}

/**
 * A call log is the log of one line: a phone column with the same number on every row is
 * that line (the subscriber's own number), whatever its header ("Telefonska številka",
 * "Номер", "No. MSISDN"); the other party's number changes from call to call.
 */
function sameNumberOnEveryRow(values: readonly string[], ctx: ValueCheckContext, def: FieldDefinition): boolean {
  const filled = values.filter((v) => !isBlankCell(v)).map((v) => v.replace(/\D/g, ''));
  if (filled.length < OWN_LINE_MIN_ROWS || filled.some((d) => d !== filled[0])) return false;
  return ratio(values, (v) => fitsField(def, v, ctx)).ratio === 1 && filled[0]!.length >= 6;
}

/**
 * The phone columns of a call log that hold one number on every row, when another phone
 * column's numbers change from row to row (the other party): only then is the constant one
 * the subscriber's own line rather than, say, a log of calls to one hotline. A column a header
 * names as the other party (`partyHeaded`) counts as such when its values fit a phone number
 * and change, however short the national numbers (seven digits in Iceland, six in the Faroes).
 */
function ownLineColumns(fields: readonly FieldDefinition[], columns: number, columnValues: (c: number) => string[], ctx: ValueCheckContext, partyHeaded: ReadonlySet<number> = new Set()): Set<number> {
  const def = fields.find((f) => f.name === 'subscriber_number' && f.type === 'phone');
  if (def === undefined) return new Set();
  const constant = new Set<number>();
  let varying = false;
  for (let column = 0; column < Math.min(columns, MAX_SCANNED_COLUMNS); column++) {
    const values = columnValues(column);
    if (sameNumberOnEveryRow(values, ctx, def)) constant.add(column);
    else if (ratio(values, (v) => looksLikeField(def, v, ctx) || printedAsPhone(v)).ratio >= VALUE_MIN_RATIO) varying = true;
    else if (partyHeaded.has(column) && varies(values) && ratio(values, (v) => fitsField(def, v, ctx) && (v.match(/\d/g) ?? []).length >= 6).ratio >= VALUE_MIN_RATIO) varying = true;
  }
  return varying ? constant : new Set();
}

/** header words of a device or record identifier that holds one long number on every row (a handset's IMEI, an API version) */
const NOT_A_LINE_WORDS = new Set(['imei', 'imeisv', 'imsi', 'iccid', 'meid', 'esn', 'serial', 'version', 'device', 'sim']);

/**
 * A constant column taken for the line by its values alone: every value printed as a phone
 * number (not a date such as "2010-04-01"), under a header that is not an identifier's.
 */
function lineByItsValues(normalized: string, values: readonly string[], def: FieldDefinition, ctx: ValueCheckContext): boolean {
  if (normalized.split(' ').some((w) => ID_WORDS.has(w) || NOT_A_LINE_WORDS.has(w))) return false;
  const filled = values.filter((v) => !isBlankCell(v));
  return filled.length > 0 && filled.every((v) => detectDateTimeShape(v) === null && (looksLikeField(def, v, ctx) || printedAsPhone(v)));
}

/** Values of the wrong kind (person names under a company header, companies under a name header) lower a header match. */
function kindFactor(def: FieldDefinition, values: readonly string[]): number {
  // a city header over whole addresses ("本社所在地": "東京都港区芝浦0丁目0番0号"; "Registered
  // Office": "15 Wharf Street, Dargaville 0310"): the city is in there, but the column is more
  if (def.kind === 'city') {
    const filled = values.filter((v) => !isBlankCell(v));
    if (filled.length >= 2 && filled.filter(isStreetAddress).length >= 0.6 * filled.length) return KIND_CLASH_FACTOR;
  }
  // a currency header over words that name no currency (Korean 통화 is a call and a currency:
  // "통화구분" holds 음성, SMS, 데이터); amounts under a currency note are left to the money checks
  if (def.name === 'currency') {
    const filled = values.filter((v) => !isBlankCell(v));
    if (filled.length >= 2 && filled.filter(isWordNotCurrency).length >= 0.6 * filled.length) return KIND_CLASH_FACTOR;
  }

  // a number's header over names of several words without a digit (Turkish "Müşteri", the
  // customer, holding "Yıldız Lojistik A.Ş."): the customer's name, not its account number (an
  // account code of one word, Asterisk's "SALES", is still a code)
  if (def.type === 'string' && def.name.endsWith('_number')) {
    const filled = values.filter((v) => !isBlankCell(v));
    if (filled.length >= 2 && filled.filter((v) => !/\d/.test(v) && /\S\s+\S/.test(v.trim())).length >= 0.6 * filled.length) return KIND_CLASH_FACTOR;
  }

  const partOfName = def.kind === 'given_name' || def.kind === 'family_name';
  for (const clash of KIND_CLASHES[def.kind ?? ''] ?? []) {
    // "山田" may be a family name alone; only names of several words ("Marco Rossi") clash with a part of a name
    const byWords = partOfName && clash === 'person_name' ? values.map((v) => (/\S\s+\S/.test(v) ? v : v.trim() === '' ? '' : '-')) : values;
    // a value of the field's own kind as well is no evidence against it ("部長", "팀장": a title, and as short as a Han or Hangul name)
    const judged = def.kind === 'job_title' ? byWords.map((v) => (kindShare([v], 'job_title').share === 1 ? '-' : v)) : byWords;
    const { share, count } = kindShare(judged, clash);
    if (count >= 2 && share >= 0.6) return KIND_CLASH_FACTOR;
  }
  return 1;
}

/**
 * A postal address rather than a place name: digits (a house, block or postcode number) with
 * three or more parts ("15 Wharf Street, Dargaville 0310"), or, in scripts written without
 * spaces, eight characters or more ("東京都港区芝浦0丁目0番0号"). A city with its district
 * number ("Praha 4", "Dublin 2") is a place.
 */
export function isStreetAddress(raw: string): boolean {
  const v = raw.trim();
  if (!/\d/.test(v)) return false;
  const parts = v.split(/[\s,]+/).filter((p) => p.length > 0);
  return parts.length >= 3 || (parts.length === 1 && /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(v) && [...v].length >= 8);
}

let currencyCodes: ReadonlySet<string> | undefined;

/** A cell of words (no digits) that is no ISO 4217 code and has no currency sign: "음성", "SMS", "Voice". */
export function isWordNotCurrency(raw: string): boolean {
  const v = raw.trim();
  if (v.length === 0 || /\d|\p{Sc}/u.test(v) || !/\p{L}/u.test(v)) return false;
  currencyCodes ??= new Set(Intl.supportedValuesOf('currency'));
  return !currencyCodes.has(v.toUpperCase());
}

const KIND_CLASHES: Partial<Record<string, ValueKind[]>> = {
  company_name: ['person_name'],
  person_name: ['company_name'],
  // "Position" over "Acme Ltd" or "Anna Berg": the header says a title, the values say otherwise
  job_title: ['company_name', 'person_name'],
  // a first- or last-name column does not hold "Marco Rossi"
  given_name: ['company_name', 'person_name'],
  family_name: ['company_name', 'person_name'],
};

/** a part of a name this much less sure than the whole name beside it is the one that is wrong (a loose match against an exact one) */
const CLEARLY_WEAKER = 0.15;
/** share of the rows where a whole name must contain its row's mapped given and family names */
const SAME_PERSON_MIN_SHARE = 0.5;

/**
 * Settles a whole-name field (one joined from parts) whose column disagrees with the mapped
 * parts: on most rows with both filled, its value lacks the given or the family name of the
 * same row. Whichever side the header evidence backs less is someone else's or
 * something else: the whole name (an owner's, "our contact") unless the parts are clearly less
 * sure, then the parts that disagree (a "form_name" taken for the first name beside an exact
 * "full_name"). The column is freed; the pairs dropped are returned, so the column is not
 * then taken for a name the mapping left out.
 */
export function dropOtherPeople(
  fields: readonly FieldDefinition[],
  fieldColumns: Map<number, { column: number; confidence: number }>,
  usedColumns: Set<number>,
  columnValues: (c: number) => string[],
): { field: number; column: number }[] {
  const dropped: { field: number; column: number }[] = [];
  const unmap = (field: number, column: number): void => {
    unmapField(fieldColumns, usedColumns, field);
    dropped.push({ field, column });
  };
  fields.forEach((def, field) => {
    const whole = fieldColumns.get(field);
    if (def.derive?.kind !== 'join' || whole === undefined) return;
    const parts = def.derive.from
      .map((name) => fields.findIndex((f) => f.name === name))
      .flatMap((index) => {
        const hit = fieldColumns.get(index);
        return hit === undefined ? [] : [{ field: index, ...hit }];
      });
    if (parts.length === 0) return;
    const names = columnValues(whole.column);
    const partValues = parts.map((p) => columnValues(p.column));
    let compared = 0;
    let same = 0;
    names.forEach((name, row) => {
      const own = partValues.map((values) => foldName(values[row] ?? '')).filter((v) => v.length > 0);
      if (isBlankCell(name) || own.length === 0) return;
      compared++;
      // every part: a relative's name (an emergency contact, a parent) shares the family name only
      if (own.every((part) => foldName(name).includes(part))) same++;
    });
    if (compared < 2 || same >= SAME_PERSON_MIN_SHARE * compared) return;
    const weakerParts = parts.filter((p) => p.confidence + CLEARLY_WEAKER <= whole.confidence);
    if (weakerParts.length === 0) unmap(field, whole.column);
    else for (const p of weakerParts) unmap(p.field, p.column);
  });
  return dropped;
}

/**
 * A whole-name column dropped beside one mapped part of the name ({@link dropOtherPeople}) whose
 * values are single words is the other part: Afrikaans "Naam" beside "Van" (the surname), German
 * "Name" beside "Vorname". The header says only "name", so a person confirms it (below the
 * threshold).
 */
function takeMissingNamePart(
  fields: readonly FieldDefinition[],
  fieldColumns: Map<number, { column: number; confidence: number; reason: MappingReason }>,
  usedColumns: Set<number>,
  columnValues: (c: number) => string[],
  gone: { field: number; column: number },
): void {
  const def = fields[gone.field]!;
  if (def.derive?.kind !== 'join' || usedColumns.has(gone.column)) return;
  const parts = def.derive.from.map((name) => fields.findIndex((f) => f.name === name)).filter((i) => i >= 0);
  const missing = parts.filter((p) => !fieldColumns.has(p));
  if (missing.length !== 1 || parts.length - missing.length < 1) return;
  const filled = columnValues(gone.column).filter((v) => !isBlankCell(v)).map((v) => v.trim());
  if (filled.length < 2 || filled.some((v) => /\s/.test(v) || isCompanyName(v) || /[\d@]/.test(v))) return;
  fieldColumns.set(missing[0]!, { column: gone.column, confidence: CONF_UNCONFIRMED_WHOLE_NAME, reason: 'fuzzy' });
  usedColumns.add(gone.column);
}

/** value kinds of a person's name, whole or in part */
const NAME_PART_KINDS: ReadonlySet<ValueKind | undefined> = new Set(['person_name', 'given_name', 'family_name']);

/** a company taken from a name header over firms (takeFirmsUnderNameHeader): below the threshold, a person confirms it */
const CONF_FIRMS_UNDER_NAME = 0.6;

/**
 * A column headed as a person's name that holds firms ("Talleres Ibarra S.L.", "Quinta do Vale
 * Lda."; Holded's "Nombre", Close's "lead_name"), left unused while the person's name is taken
 * from another column ("Persona de contacto", "contact_name"), is the business the record
 * belongs to: the company, when the mapping has none. A quarter of the values carrying a legal
 * form is enough (many firms print none), none of them a known person's name. `nameHeaded` are
 * the columns whose header names a person's name (a synonym or a close wording). The header does
 * not say "company", so a person confirms it (below the threshold).
 */
export function takeFirmsUnderNameHeader(
  fields: readonly FieldDefinition[],
  nameHeaded: ReadonlySet<number>,
  fieldColumns: Map<number, { column: number; confidence: number; reason: MappingReason }>,
  usedColumns: Set<number>,
  columnValues: (c: number) => string[],
  refused: (field: number, column: number) => boolean,
): void {
  const company = fields.findIndex((f) => f.kind === 'company_name');
  if (company < 0 || fieldColumns.has(company)) return;
  if (!fields.some((f, i) => NAME_PART_KINDS.has(f.kind) && fieldColumns.has(i))) return;
  const columns = new Set(
    [...nameHeaded]
      .filter((column) => !usedColumns.has(column) && !refused(company, column))
      .filter((column) => {
        const values = columnValues(column);
        const firms = kindShare(values, 'company_name');
        return varies(values) && firms.count >= 2 && firms.share >= (KIND_EVIDENCE_SHARES.company_name ?? KIND_EVIDENCE_SHARE) && kindShare(values, 'person_name').share === 0;
      }),
  );
  if (columns.size !== 1) return;
  const [column] = [...columns];
  fieldColumns.set(company, { column: column!, confidence: CONF_FIRMS_UNDER_NAME, reason: 'value_pattern' });
  usedColumns.add(column!);
}

/** a whole name that only a loose header match says, beside its mapped parts, keeps at most this (below the threshold: a person confirms it) */
const CONF_UNCONFIRMED_WHOLE_NAME = 0.6;

/**
 * A whole-name field (one joined from parts) taken by a loose header match ("Segundo nome",
 * a middle name, read as "nome") beside mapped parts of the name, when the samples cannot show
 * that it names the same person (fewer than two rows with it and a part filled): the parts
 * already give the whole name, and the column may be a middle name, a maiden name or another
 * person's. Its confidence is capped below the threshold, so a person confirms it.
 * {@link dropOtherPeople} settles the case where the rows can be compared.
 */
export function capUnconfirmedWholeName(
  fields: readonly FieldDefinition[],
  fieldColumns: Map<number, { column: number; confidence: number; reason: MappingReason }>,
  columnValues: (c: number) => string[],
): void {
  fields.forEach((def, field) => {
    const whole = fieldColumns.get(field);
    if (def.derive?.kind !== 'join' || whole === undefined || whole.reason !== 'fuzzy') return;
    const partColumns = def.derive.from.flatMap((name) => {
      const hit = fieldColumns.get(fields.findIndex((f) => f.name === name));
      return hit === undefined || hit.column === whole.column ? [] : [hit.column];
    });
    if (partColumns.length === 0) return;
    const names = columnValues(whole.column);
    const rowsCompared = names.filter((name, row) => !isBlankCell(name) && partColumns.some((c) => !isBlankCell(columnValues(c)[row] ?? ''))).length;
    if (rowsCompared < 2) whole.confidence = Math.min(whole.confidence, CONF_UNCONFIRMED_WHOLE_NAME);
  });
}

/**
 * A person's name taken from a header that a sibling repeats with another number ("Foresatt 1
 * navn" beside "Foresatt 2 navn", "Contact 1 Name" beside "Contact 2 Name") names one of several
 * people the record lists (guardians, contacts), not necessarily the record's own: its confidence
 * is capped below the threshold, so a person confirms it.
 */
export function capNumberedPeople(
  fields: readonly FieldDefinition[],
  fieldColumns: Map<number, { column: number; confidence: number }>,
  normalized: readonly string[],
): void {
  const unnumbered = (h: string) => h.replace(/\b\d{1,2}\b/gu, '#');
  const shapes = new Map<string, number>();
  for (const h of normalized) if (/\b\d{1,2}\b/u.test(h)) shapes.set(unnumbered(h), (shapes.get(unnumbered(h)) ?? 0) + 1);
  fields.forEach((def, field) => {
    const hit = fieldColumns.get(field);
    if (hit === undefined || (def.kind !== 'person_name' && def.kind !== 'given_name' && def.kind !== 'family_name')) return;
    const h = normalized[hit.column] ?? '';
    if (/\b\d{1,2}\b/u.test(h) && (shapes.get(unnumbered(h)) ?? 0) >= 2) hit.confidence = Math.min(hit.confidence, CONF_UNCONFIRMED_WHOLE_NAME);
  });
}

/**
 * A call-code field (direction, record type) that a loose header match gave ("Call type") over
 * values that say it only weakly or not at all ("SIP_NATIONAL", "SIP_MOBILE": a destination
 * class whose prefix reads as a voice call only in a column about codes) and never tell two
 * kinds apart: the header names a kind of call the values do not show, and the column is a
 * class of destination or a status, so the field is left unmapped. Codes that mean the same
 * anywhere ("Voice", "Outgoing") on half the filled rows, or two kinds read ("Voz Claro"
 * beside "SMS"), keep it.
 */
export function dropWeakCodes(
  fields: readonly FieldDefinition[],
  fieldColumns: Map<number, { column: number; confidence: number; reason: MappingReason }>,
  usedColumns: Set<number>,
  columnValues: (c: number) => string[],
): void {
  fields.forEach((def, field) => {
    const hit = fieldColumns.get(field);
    if (def.codes === undefined || hit === undefined || hit.reason !== 'fuzzy') return;
    const filled = columnValues(hit.column).filter((v) => !isBlankCell(v));
    if (filled.length < 2) return;
    const says = (v: string) => {
      const code = readCallCode(v);
      return def.codes === 'call_direction' ? code?.direction : code?.recordType;
    };
    const strong = filled.filter((v) => !readCallCode(v)?.weak && says(v) !== undefined).length;
    const kinds = new Set(filled.map(says).filter((k) => k !== undefined));
    if (strong * 2 < filled.length && kinds.size < 2) unmapField(fieldColumns, usedColumns, field);
  });
}

/** Take a field off its column; the column stays used while another field still reads it. */
function unmapField(fieldColumns: Map<number, { column: number }>, usedColumns: Set<number>, field: number): void {
  const hit = fieldColumns.get(field);
  if (hit === undefined) return;
  fieldColumns.delete(field);
  if (![...fieldColumns.values()].some((h) => h.column === hit.column)) usedColumns.delete(hit.column);
}

const foldName = (v: string): string => v.normalize('NFKC').toLocaleLowerCase().trim();

/** A numeric field's unit from its header (`scale`) and a band reading for range values (`range`). */
function numberTransforms(def: FieldDefinition, header: string, values: readonly string[]): FieldTransform[] {
  if (def.type !== 'integer' && def.type !== 'number' && def.type !== 'money') return [];
  const out: FieldTransform[] = [];
  // first: the range and scale steps read the number it leaves
  if (dotsGroupThousands(values, header)) out.push({ kind: 'decimal_comma' });
  if (rangeShare(values) >= RANGE_MIN_SHARE) out.push({ kind: 'range', pick: 'midpoint' });
  const scale = headerScale(header);
  if (scale !== undefined) out.push({ kind: 'scale', factor: scale.factor });
  return out;
}

/**
 * The overall verdict on a set of field mappings (from heuristics, a template, Claude or a
 * person): `missingRequired` (required fields with no column and no way to derive them,
 * plus each unmet `requireAnyOf` group as "a|b|c"), the overall confidence (mean over
 * mapped fields, required ones counted twice, unmapped required ones as 0), and the status:
 * `needs_mapping` when something required is missing, any mapped field is below the
 * threshold (a person should look at it), or the overall confidence is.
 * With the file's `headers` and samples it also lists the non-empty columns no field took
 * (`unmappedColumns`), warns about them and about mapped columns that are empty, and asks
 * a person when the mapping takes less than half of what the file could give the schema
 * (fewer fields than half of min(schema fields, non-empty columns); fields the file fills
 * without a column of their own, `filledWithoutColumns`, count as taken). Fields come out in schema order.
 */
export function summarizeMapping(
  schema: SchemaDefinition,
  mappedFields: FieldMapping[],
  threshold = MAPPING_CONFIDENCE_THRESHOLD,
  file?: { headers: readonly string[]; sampleRows: readonly (readonly string[])[]; filledWithoutColumns?: readonly string[]; unsettled?: readonly string[]; unread?: readonly string[] },
): MappingResult {
  const fields = schema.fields;
  const order = new Map(fields.map((f, i) => [f.name, i]));
  const mapped = [...mappedFields].sort((a, b) => (order.get(a.field) ?? 1e9) - (order.get(b.field) ?? 1e9));
  const mappedNames = new Set(mapped.map((m) => m.field));
  const available = (name: string): boolean => mappedNames.has(name) || derivable(schema, name, mappedNames);
  const missingRequired = fields.filter((f) => f.required && !available(f.name)).map((f) => f.name);
  for (const group of schema.requireAnyOf ?? []) {
    if (!group.some(available)) missingRequired.push(group.join('|'));
  }
  let weight = 0;
  let total = 0;
  for (const f of fields) {
    const m = mapped.find((x) => x.field === f.name);
    if (m === undefined && !(f.required && !available(f.name))) continue;
    const w = f.required ? 2 : 1;
    weight += w;
    total += w * (m?.confidence ?? 0);
  }
  const confidence = weight === 0 ? 0 : round2(total / weight);
  const weakField = mapped.some((m) => m.confidence < threshold && !readByItsCodes(fields.find((f) => f.name === m.field), m));
  const report = file === undefined ? undefined : describeMapping(mapped, file.headers, file.sampleRows);
  // a money field's micro-units come with it, never from a column: not something the file could give
  const columnFields = fields.length - fields.filter((f) => f.microsField !== undefined).length;
  const taken = mapped.length + (file?.filledWithoutColumns ?? []).filter((name) => !mappedNames.has(name)).length;
  const thin = report !== undefined && taken < 0.5 * Math.min(columnFields, report.nonEmptyColumns);
  const unsettled = file?.unsettled ?? [];
  if (report !== undefined && unsettled.length > 0) {
    report.warnings.push({ code: 'unsettled_fields', message: `the file speaks of fields the mapping leaves out; check them: ${unsettled.join(', ')}`, count: unsettled.length });
  }
  const unread = file?.unread ?? [];
  if (report !== undefined && unread.length > 0) {
    // named up to a few: a file thousands of columns wide must not carry them all in a message
    const named = unread.slice(0, UNREAD_NAMED).map((h) => `"${h}"`).join(', ') + (unread.length > UNREAD_NAMED ? `, and ${unread.length - UNREAD_NAMED} more` : '');
    report.warnings.push({ code: 'unread_columns', message: `no field was matched to these columns and their headers name nothing the mapper knows; check whether one holds a field: ${named}`, count: unread.length });
  }
  return {
    status: missingRequired.length > 0 || weakField || thin || unsettled.length > 0 || unread.length > 0 || confidence < threshold ? 'needs_mapping' : 'mapped',
    schema: schema.name,
    fields: mapped,
    confidence,
    missingRequired,
    ...(report !== undefined ? { unmappedColumns: report.unmappedColumns, warnings: report.warnings } : {}),
  };
}

/** unread columns a warning names; the count says how many there are */
const UNREAD_NAMED = 10;

/**
 * An optional carrier-code field (a call's direction, its record type) guessed from a
 * column's values: the values are call codes Enrich reads itself, from any column that
 * holds them (a PBX's dcontext, a 3GPP record type), mapped or not. A weak guess there
 * costs nothing if wrong and needs no person; it still counts in the overall confidence.
 */
function readByItsCodes(def: FieldDefinition | undefined, m: FieldMapping): boolean {
  return def !== undefined && def.codes !== undefined && !def.required && m.reason === 'value_pattern';
}

/**
 * Columns that repeat an earlier column: the same header (the reader names the second
 * "Number" as "Number (2)") over the same sampled values. A copy adds nothing and takes no
 * field: guessing it onto another field of the type (the subscriber's own line, say) would
 * be a guess from a header that was never about that field.
 */
function copyColumns(headers: readonly string[], columnValues: (c: number) => string[]): Set<number> {
  const copies = new Set<number>();
  const base = (h: string): string => h.replace(/\s*\(\d+\)$/, '').trim().toLowerCase();
  const firstByHeader = new Map<string, number>();
  headers.forEach((h, c) => {
    const key = base(h);
    if (key === '') return;
    const first = firstByHeader.get(key);
    if (first === undefined) return void firstByHeader.set(key, c);
    const a = columnValues(first);
    const b = columnValues(c);
    if (b.some((v) => !isBlankCell(v)) && a.every((v, i) => v === b[i])) copies.add(c);
  });
  return copies;
}

function assign(
  candidates: Candidate[],
  fieldColumns: Map<number, { column: number; confidence: number; reason: MappingReason }>,
  usedColumns: Set<number>,
): void {
  candidates.sort(
    (a, b) => b.confidence - a.confidence || (b.filled ?? 0) - (a.filled ?? 0) || a.rank - b.rank || a.column - b.column || a.field - b.field,
  );
  for (const c of candidates) {
    if (c.confidence < MIN_CANDIDATE && c.reason !== 'value_pattern') continue;
    if (fieldColumns.has(c.field) || usedColumns.has(c.column)) continue;
    fieldColumns.set(c.field, { column: c.column, confidence: c.confidence, reason: c.reason });
    usedColumns.add(c.column);
  }
}

/**
 * One header read two ways across languages ("Nom" is the family name in French and the given
 * name in Catalan) can take a field whose own column stands beside it ("Cognoms", the Catalan
 * family names) and leave another field empty. Where a field left unmapped has a header
 * candidate on a column another field took, and that field has an unused column of its own
 * at no less confidence, the two move: one more field is mapped and none loses confidence.
 */
function freeTiedColumns(
  candidates: readonly Candidate[],
  fieldColumns: Map<number, { column: number; confidence: number; reason: MappingReason }>,
  usedColumns: Set<number>,
): void {
  const byHeader = candidates.filter((c) => c.header !== undefined && c.confidence >= MIN_CANDIDATE);
  for (const wanting of byHeader) {
    if (fieldColumns.has(wanting.field)) continue;
    const holder = [...fieldColumns].find(([, hit]) => hit.column === wanting.column);
    if (holder === undefined) continue;
    const [field, hit] = holder;
    if (wanting.confidence < hit.confidence) continue;
    const other = byHeader.find((c) => c.field === field && c.column !== hit.column && !usedColumns.has(c.column) && c.confidence >= hit.confidence);
    if (other === undefined) continue;
    fieldColumns.set(field, { column: other.column, confidence: other.confidence, reason: other.reason });
    fieldColumns.set(wanting.field, { column: wanting.column, confidence: wanting.confidence, reason: wanting.reason });
    usedColumns.add(other.column);
  }
}

/**
 * A datetime field's date and time columns, when its column holds only one of the two:
 * the partner is an unused column of the other shape, preferring a header the field
 * names (`timeSynonyms` for the time, `synonyms` for the date).
 */
function pairDateAndTime(
  schema: SchemaDefinition,
  def: FieldDefinition,
  column: number,
  normalized: readonly string[],
  columnValues: (c: number) => string[],
  usedColumns: Set<number>,
): { sources: number[]; confidence: number } | null {
  const values = columnValues(column);
  const shape = columnShape(normalized[column] ?? '', values);
  if (shape === null || shape === 'datetime') return null;
  const shapeFromValues = columnDateTimeShape(values) !== null;
  const want = shape === 'date' ? 'time' : 'date';
  const headerTerms = new Set(
    (want === 'time' ? timeTerms(schema, def) : fieldTerms(schema)[schema.fields.indexOf(def)] ?? def.synonyms).map((s) => normalizeHeader(s)),
  );
  let best: { column: number; confidence: number } | null = null;
  normalized.forEach((h, c) => {
    if (c === column || usedColumns.has(c) || h.length === 0) return;
    // "08.14.22" reads as a date on its own; beside the date, under a time header or right after it, it is the time
    const dotted = want === 'time' && (headerTerms.has(h) || c === column + 1) && dottedTimes(columnValues(c));
    const cShape = dotted ? 'time' : columnShape(h, columnValues(c));
    if (cShape !== want) return;
    // "00:02:41" is a call's length, not the time it started
    if (want === 'time' && timeColumnKind(columnValues(c)) === 'duration') return;
    // a date column and a time column that each parse cleanly are one timestamp, whatever the header says
    const clean = dateTimePairFit(want === 'time' ? values : columnValues(c), want === 'time' ? columnValues(c) : values) >= 0.9 ? CONF_PAIR : 0;
    const confidence = headerTerms.has(h) ? CONF_SYNONYM : Math.max(VALUE_BASE + VALUE_SPAN, clean);
    if (best === null || confidence > best.confidence) best = { column: c, confidence };
  });
  // values that are only times of day cannot give an instant: keep the column, but ask a
  // person (a header alone, like "Start Time", often holds full timestamps: no penalty)
  if (best === null) return shape === 'time' && shapeFromValues ? { sources: [column], confidence: 0.3 } : null;
  const found: { column: number; confidence: number } = best;
  const sources = want === 'time' ? [column, found.column] : [found.column, column];
  return { sources, confidence: found.confidence };
}

/** True when a column holds times of day written with dots ("08.14.22", "8.05") on every filled row (at least two). */
function dottedTimes(values: readonly string[]): boolean {
  const filled = values.filter((v) => !isBlankCell(v));
  return filled.length >= 2 && filled.every(isDottedClock);
}

// Header words for a date and for a time of day, in the languages the built-in synonyms cover.
const DATE_WORDS = new Set(['date', 'datum', 'fecha', 'data']);
const TIME_WORDS = new Set(['time', 'timestamp', 'uhrzeit', 'zeit', 'hora', 'heure', 'ora', 'tijd']);

/** 'date', 'time' or 'datetime' from sample values, else from the header words. */
function columnShape(header: string, values: readonly string[]): 'date' | 'time' | 'datetime' | null {
  const fromValues = columnDateTimeShape(values);
  if (fromValues !== null) return fromValues;
  if (values.some((v) => v.trim().length > 0)) return null;
  const words = header.split(' ');
  const hasDate = words.some((w) => DATE_WORDS.has(w));
  const hasTime = words.some((w) => TIME_WORDS.has(w));
  if (hasDate && hasTime) return 'datetime';
  if (words.includes('timestamp') || words.includes('datetime')) return 'datetime';
  if (hasDate) return 'date';
  if (hasTime) return 'time';
  return null;
}

/** True when `name` has a derivation whose inputs are mapped. */
function derivable(schema: SchemaDefinition, name: string, mapped: ReadonlySet<string>): boolean {
  const def = schema.fields.find((f) => f.name === name);
  const d = def?.derive;
  if (d === undefined) return false;
  const from = Array.isArray(d.from) ? d.from : [d.from];
  return from.some((f) => mapped.has(f));
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
