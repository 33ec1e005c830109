import type { CallCode, CallDirection, CallRecordType } from '../enrich/call-codes.ts';
// Enrich's table and the words of the languages the header lexicon added, as the mapper reads them
import { readCallCodeAnyLanguage as readCallCode } from '../map/call-code-reading.ts';
import { foldText } from '../map/normalize-header.ts';
import { normalizePhone } from '../enrich/phone.ts';
import { isBlankCell } from '../enrich/result.ts';
import { CONTEXT_COLUMN_NAMES } from '../parse/table-assembler.ts';
import type { FieldMapping, MappingResult, RowError } from '../pipeline-types.ts';
import { requirementWaived, type FieldDefinition, type SchemaDefinition } from '../schemas/schema-types.ts';
import { phoneWriter, type PhoneWriter } from './field-converters.ts';
import { valueKey, valueOverrides } from '../map/value-maps.ts';

/**
 * What a call log means, beyond its cells one by one: which way each call went and what
 * it was, whose log it is, and who the other party is.
 *
 * Carriers rarely say it in one column. Verizon prints "Incoming, CL" where an outgoing
 * call has its destination city; AT&T writes "INCOMING CL" under "Call To" and "In"/"Out"
 * in its messaging section; switch records carry 3GPP record types ("mSTerminatingSMSinMSC");
 * CDRs name both parties ("Calling Number", "Called Number") and leave it to the reader to
 * pick the other one; a multi-statement export names the line once, above its rows.
 * This step reads all of that for the fields of a schema with carrier code fields
 * (`codes: call_direction` / `call_record_type`), after the per-cell converters.
 */
export interface CallSemantics {
  /** fields this step writes itself: the per-cell converters leave them alone */
  owns: ReadonlySet<string>;
  /** fields this step can fill without a mapped column */
  fills: ReadonlySet<string>;

  apply(record: Record<string, unknown>, cells: readonly string[], row: number): RowProblems | undefined;
}

export interface RowProblems {
  errors?: RowError[];
  warnings?: RowError[];
}

export interface CallSemanticsInput {
  schema: SchemaDefinition;
  mapping: MappingResult;
  /** the columns of the rows (a multi-section export's unified header, context columns included) */
  headers: readonly string[];
  /** phone region for national numbers */
  region: string;
  /**
   * Rows from the same table, to learn which columns carry codes: a column that says
   * "Incoming, CL" on some rows and a city on the others is a direction column in disguise.
   */
  sample?: readonly (readonly string[])[];
}

/** Columns whose header is about the call's direction: short codes ("In", "MO") count there even unseen. */
const DIRECTION_HEADER_WORDS = new Set([
  'direction', 'dir', 'in', 'out', 'inout', 'io', 'i o', 'inbound', 'outbound', 'incoming', 'outgoing', 'sent', 'received', 'rcvd',
  'mo', 'mt', 'leg', 'flow', 'way',
]);
/** Columns whose header is about the call's kind or direction: short codes ("In", "T", "MO") count there. */
const CODE_HEADER_WORDS = new Set([
  'direction', 'dir', 'in', 'out', 'inout', 'io', 'i o', 'inbound', 'outbound', 'incoming', 'outgoing', 'sent', 'received',
  'rcvd', 'mo', 'mt', 'type', 'kind', 'category', 'service', 'record', 'event', 'feature', 'context', 'dcontext', 'usage',
  'class', 'section', 'leg', 'flow', 'way',
]);
/** Columns that print a place for an outgoing call and a marker for an incoming one. */
const PLACE_HEADER_WORDS = new Set([
  'origination', 'destination', 'origin', 'location', 'city', 'place', 'call to', 'call from', 'to from', 'from to',
  'description', 'called', 'area', 'state', 'region',
]);

// The two parties of a CDR, by header (lower case, words joined by one space).
const CALLING_HEADERS = [
  'calling number', 'calling party number', 'calling party', 'calling msisdn', 'calling', 'caller number', 'caller',
  'caller id number', 'caller phone', 'calling phone', 'from number', 'from phone', 'from phone number', 'from', 'a number', 'a party number', 'a party', 'originating number',
  'origin number', 'orig number', 'source number', 'source', 'src', 'ani', 'sender', 'originator',
];
const CALLED_HEADERS = [
  'called number', 'called party number', 'called party', 'called msisdn', 'called', 'callee', 'callee number', 'callee phone',
  'called phone', 'to number', 'to phone', 'to phone number', 'to',
  'b number', 'b party number', 'b party', 'dialed number', 'dialled number', 'dialed digits', 'dialled digits',
  'destination number', 'dest number', 'terminating number', 'dst', 'dnis', 'recipient', 'receiver',
];

/**
 * Headers of a lone number column that name the party the line called: a log whose only
 * number is "Number Called", "Zielrufnummer" or "Numéro appelé" lists the calls the line
 * made, so a row that says nothing else about its direction is outgoing.
 */
const DIALED_HEADER =
  /^(?:number called|called number|dialed number|dialled number|number dialed|number dialled|destination number|zielrufnummer|gewahlte (?:ruf)?nummer|angerufene (?:ruf)?nummer|numero appele|numero compose|numero chiamato|numero llamado|numero marcado|gebeld nummer|gekozen nummer|uppringt nummer|ringt nummer|valittu numero|soitettu numero|wybrany numer)$/;

// Header words that tell which kind of records a single-kind table holds.
const KIND_HEADER_WORDS: readonly [CallRecordType, RegExp][] = [
  ['sms', /\b(?:messages?|msgs?|sms|texts?|segments)\b/],
  ['data', /\b(?:kb|mb|gb|kilobytes?|megabytes?|bytes|apn|data usage|data volume)\b/],
  ['voice', /\b(?:min|mins|minutes|mou|airtime|number called|talk time|talking|ringing|duration|billsec|disposition|dcontext|clid|calls?|caller)\b/],
];

interface CodeColumn {
  index: number;
  /** short codes ("In", "MO") count in this column */
  weakOk: boolean;
}

interface MarkerColumn {
  index: number;
  /** the direction of a filled cell without a marker ("Dallas, TX" where incoming calls say "Incoming, CL") */
  otherwise?: CallDirection;
}

interface Parties {
  calling: number;
  called: number;
}

const opposite = (d: CallDirection): CallDirection => (d === 'inbound' ? 'outbound' : 'inbound');

/** Lower-case words of a header, kept as printed otherwise ("In/Out" -> "in out"). */
function headerWords(header: string): string {
  return header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/#/g, ' number ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    // "Calling NBR", "Called No.", "To Num"
    .replace(/\b(?:nbr|num|no)\b/g, 'number');
}

/** A word of the header, or two words in a row, in `set` (whose entries are one word or two). */
function hasWord(words: string, set: ReadonlySet<string>): boolean {
  const list = words.split(' ');
  // (after the last word the pair is "<word> undefined", in no set)
  return list.some((word, i) => set.has(word) || set.has(`${word} ${list[i + 1]}`));
}

/** A column mapped as it is (one source, no transforms), or undefined. */
function plainSource(m: FieldMapping | undefined): number | undefined {
  return m !== undefined && (m.transforms ?? []).length === 0 && m.sources.length === 1 ? m.sources[0] : undefined;
}

/**
 * Compile the call semantics of a schema, or undefined when the schema has no carrier
 * code fields. Everything about the layout is decided here once; `apply` does per-row
 * lookups that are memoised per distinct value (codes, phone numbers).
 */
export function compileCallSemantics(input: CallSemanticsInput): CallSemantics | undefined {
  const { schema, mapping, headers, region } = input;
  const dirDef = schema.fields.find((f) => f.type === 'enum' && f.codes === 'call_direction');
  const typeDef = schema.fields.find((f) => f.type === 'enum' && f.codes === 'call_record_type');
  if (dirDef === undefined && typeDef === undefined) return undefined;
  const phoneField = (name: string): FieldDefinition | undefined => schema.fields.find((f) => f.name === name && f.type === 'phone');
  const counterpartDef = phoneField('counterpart_number');
  const subscriberDef = phoneField('subscriber_number');
  const byField = new Map(mapping.fields.map((m) => [m.field, m]));
  const transformed = (def: FieldDefinition): boolean => byField.has(def.name) && plainSource(byField.get(def.name)) === undefined;

  const owns = new Set<string>();
  const fills = new Set<string>();
  const dirSource = dirDef !== undefined ? plainSource(byField.get(dirDef.name)) : undefined;
  const typeSource = typeDef !== undefined ? plainSource(byField.get(typeDef.name)) : undefined;
  if (dirDef !== undefined && !transformed(dirDef)) owns.add(dirDef.name);
  if (typeDef !== undefined && !transformed(typeDef)) owns.add(typeDef.name);

  const normalized = headers.map(headerWords);
  const parties = counterpartDef !== undefined && !transformed(counterpartDef) ? findParties(normalized) : undefined;
  if (parties !== undefined) {
    owns.add(counterpartDef!.name);
    fills.add(counterpartDef!.name);
  }
  const counterpartSource = counterpartDef !== undefined ? plainSource(byField.get(counterpartDef.name)) : undefined;
  // without a direction, the party the mapping chose when it chose the calling one, else the called one
  const undirectedSide = parties === undefined ? undefined : counterpartSource === parties.calling ? parties.calling : parties.called;
  const subscriberMapped = subscriberDef !== undefined ? byField.get(subscriberDef.name) : undefined;
  // a party column is the subscriber's on some rows only (a mapper may offer it for its phone-like values)
  const mappedSubscriber = plainSource(subscriberMapped);
  const subscriberSource = parties !== undefined && (mappedSubscriber === parties.calling || mappedSubscriber === parties.called) ? undefined : mappedSubscriber;
  // the statement block's line, when Parse added it as a context column
  const lineColumn = subscriberMapped === undefined ? headers.indexOf(CONTEXT_COLUMN_NAMES.line) : -1;
  const ownsSubscriber = subscriberDef !== undefined && !transformed(subscriberDef);
  if (ownsSubscriber) {
    owns.add(subscriberDef.name);
    fills.add(subscriberDef.name);
  }

  // Columns that may carry codes without being mapped to the code fields.
  const skip = new Set<number>();
  for (const m of mapping.fields) {
    if (m.field === dirDef?.name || m.field === typeDef?.name || m.field === 'location') continue;
    for (const s of m.sources) skip.add(s);
  }
  // Stryker disable next-line ConditionalExpression: equivalent for true, an undefined index skips no column
  if (dirSource !== undefined) skip.add(dirSource);
  // Stryker disable next-line ConditionalExpression: equivalent for true, an undefined index skips no column
  if (typeSource !== undefined) skip.add(typeSource);
  if (parties !== undefined) skip.add(parties.calling).add(parties.called);
  const locationSource = plainSource(byField.get('location'));
  const learned = learnColumns(normalized, input.sample ?? [], skip, locationSource);
  const constantParty = parties !== undefined && input.sample !== undefined ? findConstantParty(input.sample, parties, region) : undefined;
  const tableKind = kindOfTable(normalized, headers);
  const dialedOnly = parties === undefined && counterpartSource !== undefined && DIALED_HEADER.test(foldText(headers[counterpartSource] ?? '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim());

  const dirName = dirDef?.name;
  // the code fields this step writes (a field mapped through a transform is the converters')
  const dirOwned = dirDef !== undefined && owns.has(dirDef.name) ? dirDef.name : undefined;
  const typeOwned = typeDef !== undefined && owns.has(typeDef.name) ? typeDef.name : undefined;
  // Stryker disable next-line ArrayDeclaration: equivalent, an enum field has its values
  const dirEnum = (dirDef?.enumValues ?? []).join(', ');
  // Stryker disable next-line ArrayDeclaration: equivalent, an enum field has its values
  const typeEnum = (typeDef?.enumValues ?? []).join(', ');
  const durationName = schema.fields.find((f) => f.type === 'duration')?.name;
  const typeName = typeDef?.name;
  const writeCounterpart = counterpartDef !== undefined ? phoneWriter(counterpartDef.name, region) : undefined;
  // a PBX's other party may be one of its extensions ("Ext.101"): kept as digits, like a short code
  // (a cell written as an extension is never a phone number nor a short code)
  const writeParty = (record: Record<string, unknown>, raw: string): true | false | string => {
    const ext = extensionOf(raw);
    if (ext === undefined) return writeCounterpart!(record, raw);
    record[counterpartDef!.name] = ext;
    record[`${counterpartDef!.name}_line_type`] = 'extension';
    return true;
  };
  const writeSubscriber: PhoneWriter | undefined = subscriberDef !== undefined ? phoneWriter(subscriberDef.name, region) : undefined;
  // a column of the mapping is one of the headers: the fallbacks are for the type checker
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, the header is read only for a mapped column, which has one
  const dirHeader = dirSource !== undefined ? (headers[dirSource] ?? '') : '';
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, the header is read only for a mapped column, which has one
  const typeHeader = typeSource !== undefined ? (headers[typeSource] ?? '') : '';
  // a mapped column implies its field
  const dirValues = dirSource !== undefined ? valueOverrides(mapping, dirDef!.name) : undefined;
  const typeValues = typeSource !== undefined ? valueOverrides(mapping, typeDef!.name) : undefined;
  const codeColumns = learned.code;
  const markerColumns = learned.marker;

  return {
    owns,
    fills,
    apply(record, cells, row) {
      let problems: RowProblems | undefined;
      // Stryker disable next-line ConditionalExpression: equivalent for true, a record has no key "undefined"
      let direction = dirName !== undefined ? (record[dirName] as CallDirection | undefined) : undefined;
      // Stryker disable next-line ConditionalExpression: equivalent for true, a record has no key "undefined"
      let type = typeName !== undefined ? (record[typeName] as CallRecordType | undefined) : undefined;
      let dirUnread: string | undefined;
      // a call between extensions: no direction to find
      let internal = false;
      let typeUnread: string | undefined;

      // 1. The mapped code columns: each may say the other thing too ("SMS-MO" under "Type").
      // A value Claude or a person read (the value maps) means what they said.
      let dirCode: CallCode | undefined;
      // Stryker disable next-line ConditionalExpression: equivalent for true, a missing cell reads as blank and there are no value maps without the column
      if (dirSource !== undefined) {
        const raw = cells[dirSource] ?? '';
        dirCode = readCallCode(raw);
        const said = dirValues?.get(valueKey(raw));
        if (dirCode === undefined && said === undefined && !isBlankCell(raw)) dirUnread = raw;
        if (dirCode?.internal === true) internal = true;
        direction ??= said !== undefined ? ((said ?? undefined) as CallDirection | undefined) : dirCode?.direction;
      }
      // Stryker disable next-line ConditionalExpression: equivalent for true, a missing cell reads as blank and there are no value maps without the column
      if (typeSource !== undefined) {
        const raw = cells[typeSource] ?? '';
        const code = readCallCode(raw);
        const said = typeValues?.get(valueKey(raw));
        if (code === undefined && said === undefined && !isBlankCell(raw)) typeUnread = raw;
        // "Internal" under a PBX's call type: a call between extensions, as under its direction
        if (code?.internal === true) internal = true;
        type ??= said !== undefined ? ((said ?? undefined) as CallRecordType | undefined) : code?.recordType;
        direction ??= code?.direction;
      }
      type ??= dirCode?.recordType;

      // 2. Other columns of codes (a call type next to the direction, the section of a multi-section export).
      for (const c of codeColumns) {
        const code = readCallCode(cells[c.index]);
        if (code === undefined || (code.weak && !c.weakOk)) continue;
        if (code.internal === true) internal = true;
        direction ??= code.direction;
        type ??= code.recordType;
      }

      // 3. Places that stand for a direction ("Incoming, CL"), and what their absence means.
      if (direction === undefined && !internal) {
        for (const m of markerColumns) {
          const code = readCallCode(cells[m.index]);
          if (code?.direction !== undefined && !code.weak) {
            direction = code.direction;
            break;
          }
        }
        if (direction === undefined) {
          for (const m of markerColumns) {
            if (m.otherwise !== undefined && !isBlankCell(cells[m.index])) {
              direction = m.otherwise;
              break;
            }
          }
        }
      }

      type ??= tableKind;
      // a call that went one way and lasted is a voice call ("Roaming ankommend, 00:04:20"):
      // texts last nothing, and data sessions have no direction
      // Stryker disable next-line ConditionalExpression: equivalent for false, a record has no key "undefined", which reads as 0
      const seconds = durationName === undefined ? 0 : ((record[durationName] as number | undefined) ?? 0);
      if (type === undefined && direction !== undefined && seconds > 0) type = 'voice';
      const session = type === 'data';
      if (direction === undefined && dialedOnly && !internal && !session) direction = 'outbound';
      // the type is known now: a required field it lifts (a data session's other party) sees it
      if (typeOwned !== undefined && type !== undefined) record[typeOwned] = type;

      // 4. The parties: whose line it is, and who the other party is. A line that is
      // printed (its own column, the statement block) wins over one that is inferred.
      let subscriberRaw: string | undefined;
      // printed in a column of its own (the statement block's line is read as an inferred one)
      let subscriberPrinted = false;
      // Stryker disable next-line ConditionalExpression: equivalent for true, cells[undefined] is undefined, which is blank
      if (subscriberSource !== undefined && !isBlankCell(cells[subscriberSource])) {
        subscriberRaw = cells[subscriberSource];
        subscriberPrinted = true;
      }
      // (a line column is looked for only when no column is mapped to the line)
      // Stryker disable next-line ConditionalExpression: equivalent for true, cells[-1] is undefined, which is blank
      if (lineColumn >= 0 && !isBlankCell(cells[lineColumn])) subscriberRaw = cells[lineColumn];

      if (parties !== undefined) {
        // Stryker disable next-line StringLiteral: equivalent, a missing cell and any text without a digit are no number, no extension
        const callingRaw = cells[parties.calling] ?? '';
        // Stryker disable next-line StringLiteral: equivalent, a missing cell and any text without a digit are no number, no extension
        const calledRaw = cells[parties.called] ?? '';
        // a data session has a line but no other party, hence no direction
        if (direction === undefined && !session && !internal) direction = directionFromParties(callingRaw, calledRaw, subscriberRaw ?? constantParty, region);
        const side = direction === 'inbound' ? parties.calling : direction === 'outbound' ? parties.called : undirectedSide!;
        const outcome = writeParty(record, cells[side] ?? '');
        if (outcome !== true) {
          // Stryker disable next-line LogicalOperator: equivalent, a party column is one of the headers
          const problem: RowError = { row, column: headers[side] ?? counterpartDef!.name, value: cells[side] ?? '', reason: outcome === false ? 'required field is empty' : outcome };
          if (counterpartDef!.required && !requirementWaived(counterpartDef!, record)) ((problems ??= {}).errors ??= []).push(problem);
          else if (outcome !== false) ((problems ??= {}).warnings ??= []).push(problem);
        }
        // the side of this call (an account may have several lines), else the line on most calls
        subscriberRaw ??= direction === 'inbound' ? calledRaw : direction === 'outbound' ? callingRaw : constantParty;
      }

      if (ownsSubscriber && subscriberRaw !== undefined) {
        if (subscriberPrinted) {
          const outcome = writeSubscriber!(record, subscriberRaw);
          if (typeof outcome === 'string') {
            // Stryker disable next-line LogicalOperator,StringLiteral: equivalent, a mapped column is one of the headers
            ((problems ??= {}).warnings ??= []).push({ row, column: headers[subscriberSource!] ?? 'subscriber_number', value: subscriberRaw, reason: outcome });
          }
        } else if (normalizePhone(subscriberRaw, region).ok) {
          // a line found by inference is a full number or nothing (not a PBX extension)
          writeSubscriber!(record, subscriberRaw);
        }
      }

      if (dirOwned !== undefined) {
        if (direction !== undefined) record[dirOwned] = direction;
        else if (dirUnread !== undefined) ((problems ??= {}).warnings ??= []).push({ row, column: dirHeader, value: dirUnread, reason: `not one of ${dirEnum}` });
      }
      // (a known type is written above)
      if (typeOwned !== undefined && type === undefined && typeUnread !== undefined) ((problems ??= {}).warnings ??= []).push({ row, column: typeHeader, value: typeUnread, reason: `not one of ${typeEnum}` });
      return problems;
    },
  };
}

/**
 * Fields the call semantics writes on at least half of the sample rows without a column of
 * their own in the mapping: the line from the party columns, the record type a table's
 * headers imply, a direction read from a code column. What a mapping takes from a file
 * includes them (the mapper's "does it take enough of the file" check counts them).
 */
export function fieldsFilledWithoutColumns(input: CallSemanticsInput & { sample: readonly (readonly string[])[] }): string[] {
  const semantics = compileCallSemantics(input);
  if (semantics === undefined) return [];
  const mapped = new Set(input.mapping.fields.map((m) => m.field));
  const hits = new Map<string, number>();
  input.sample.forEach((cells, i) => {
    const record: Record<string, unknown> = {};
    // Stryker disable next-line ArithmeticOperator: equivalent, the row number is only in the problems, which are not read here
    semantics.apply(record, cells, i + 1);
    for (const name of semantics.owns) if (!mapped.has(name) && record[name] !== undefined) hits.set(name, (hits.get(name) ?? 0) + 1);
  });
  return [...hits].filter(([, n]) => n >= input.sample.length / 2).map(([name]) => name);
}

/**
 * The calling and called party columns of a CDR ("Calling Number"/"Called Number",
 * "From"/"To", "src"/"dst"), when it has both: the other party is one or the other,
 * call by call. Indexes into `headers`.
 */
export function findPartyColumns(headers: readonly string[]): { calling: number; called: number } | undefined {
  return findParties(headers.map(headerWords));
}

/**
 * Mapping candidates that only the pair of party columns gives: the counterpart field
 * (a phone field named `counterpart_number`) on the called party's column, which the
 * record builder switches to the calling party's on inbound rows. For the mapper.
 */
export function partyColumnCandidates(fields: readonly FieldDefinition[], headers: readonly string[]): { field: number; column: number; confidence: number }[] {
  const field = fields.findIndex((f) => f.name === 'counterpart_number' && f.type === 'phone');
  if (field < 0 || !fields.some((f) => f.codes === 'call_direction')) return [];
  const parties = findPartyColumns(headers);
  return parties === undefined ? [] : [{ field, column: parties.called, confidence: 0.9 }];
}

function findParties(normalized: readonly string[]): Parties | undefined {
  const find = (names: readonly string[]): number => {
    for (const name of names) {
      const i = normalized.indexOf(name);
      if (i >= 0) return i;
    }
    return -1;
  };
  const calling = find(CALLING_HEADERS);
  // "Destination" is a place in carrier bills, and the other end of "Source" in PBX reports
  const called = find(CALLED_HEADERS) >= 0 ? find(CALLED_HEADERS) : normalized[calling] === 'source' ? normalized.indexOf('destination') : -1;
  // (no header is in both lists: the two are never one column)
  return calling >= 0 && called >= 0 ? { calling, called } : undefined;
}

/** A number as compared with another: E.164, a short code's digits, or the bare digits. */
function partyKey(raw: string | undefined, region: string): string | undefined {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, no blank marker holds a digit, so the digit fallback below gives undefined for a blank cell too
  if (raw === undefined || isBlankCell(raw)) return undefined;
  const r = normalizePhone(raw, region);
  if (r.ok) return r.e164;
  if (r.shortCode !== undefined) return r.shortCode;
  const digits = raw.replace(/\D/g, '');
  return digits.length > 0 ? digits : undefined;
}

const EXTENSION = /^\s*\d{2,6}\s*$/;
const NAMED_EXTENSION = /^\s*(?:ext(?:ension)?\.?|x)\s*(\d{2,6})\s*$/i;

/** The digits of a PBX extension written as one ("Ext.101", "x204"), or undefined. */
function extensionOf(raw: string): string | undefined {
  return NAMED_EXTENSION.exec(raw)?.[1];
}

/**
 * The direction of a call from its parties: the side that is the subscriber's line made
 * it (outbound) or took it (inbound); without a known subscriber, a PBX's internal
 * extension ("101") is the subscriber's side and the full number the other party.
 */
function directionFromParties(callingRaw: string, calledRaw: string, subscriberRaw: string | undefined, region: string): CallDirection | undefined {
  if (subscriberRaw !== undefined) {
    const subscriber = partyKey(subscriberRaw, region);
    if (subscriber === undefined) return undefined;
    if (partyKey(callingRaw, region) === subscriber) return 'outbound';
    if (partyKey(calledRaw, region) === subscriber) return 'inbound';
    return undefined;
  }
  const callingInternal = EXTENSION.test(callingRaw) || extensionOf(callingRaw) !== undefined;
  const calledInternal = EXTENSION.test(calledRaw) || extensionOf(calledRaw) !== undefined;
  if (callingInternal === calledInternal) return undefined;
  const other = callingInternal ? calledRaw : callingRaw;
  if (other.replace(/\D/g, '').length < 7) return undefined;
  return callingInternal ? 'outbound' : 'inbound';
}

/**
 * The subscriber of a CDR without a direction column: the one number that is on one side
 * or the other of most calls (at least 3 and 60% of the sampled rows). Its cell text, or
 * undefined.
 */
function findConstantParty(sample: readonly (readonly string[])[], parties: Parties, region: string): string | undefined {
  const counts = new Map<string, { n: number; raw: string }>();
  let rows = 0;
  for (const cells of sample) {
    const sides = new Map<string, string>();
    for (const raw of [cells[parties.calling], cells[parties.called]]) {
      const k = partyKey(raw, region);
      if (k !== undefined && !sides.has(k)) sides.set(k, raw!);
    }
    if (sides.size === 0) continue;
    rows++;
    for (const [k, raw] of sides) {
      const entry = counts.get(k);
      if (entry === undefined) counts.set(k, { n: 1, raw });
      else entry.n++;
    }
  }
  let best: { n: number; raw: string } | undefined;
  for (const e of counts.values()) if (best === undefined || e.n > best.n) best = e;
  return best !== undefined && best.n >= 3 && best.n >= rows * 0.6 ? best.raw : undefined;
}

/**
 * Which unmapped columns carry codes, from sample rows (a column empty in them, from its
 * header: a later section's "Sent/Rcvd" may not be in the first rows). A code column is mostly codes
 * (short ones like "In" only under a header about codes, or when the column holds
 * nothing else and at least two of them). A marker column is a column of places or notes
 * with a direction word on some rows ("Incoming, CL"); when it only ever marks one
 * direction and is a column of places, its other filled cells mean the other direction.
 */
function learnColumns(
  normalized: readonly string[],
  sample: readonly (readonly string[])[],
  skip: ReadonlySet<number>,
  locationSource: number | undefined,
): { code: CodeColumn[]; marker: MarkerColumn[] } {
  // Stryker disable next-line ArrayDeclaration: equivalent, a column without an index reads an undefined cell, which holds no code
  const code: CodeColumn[] = [];
  // Stryker disable next-line ArrayDeclaration: equivalent, a column without an index reads an undefined cell, which holds no code
  const marker: MarkerColumn[] = [];
  for (let index = 0; index < normalized.length; index++) {
    if (skip.has(index)) continue;
    const header = normalized[index]!;
    const codeish = hasWord(header, CODE_HEADER_WORDS);
    const place = index === locationSource || hasWord(header, PLACE_HEADER_WORDS);
    let filled = 0;
    let counted = 0;
    let allCodes = true;
    const distinct = new Set<string>();
    const strong = new Set<CallDirection>();
    for (const cells of sample) {
      const raw = cells[index];
      if (raw === undefined || isBlankCell(raw)) continue;
      filled++;
      const c = readCallCode(raw);
      if (c === undefined) {
        allCodes = false;
        continue;
      }
      // Stryker disable next-line MethodExpression: equivalent for toUpperCase, either folds the case
      distinct.add(raw.trim().toLowerCase());
      if (!c.weak || codeish) counted++;
      if (c.direction !== undefined && !c.weak) strong.add(c.direction);
    }
    if (filled === 0) {
      // Nothing to learn from (no rows, or a later section's column): its header decides,
      // and only codes that mean the same anywhere count, short ones under a direction header.
      if (codeish) code.push({ index, weakOk: hasWord(header, DIRECTION_HEADER_WORDS) });
      else if (place) marker.push({ index });
      continue;
    }
    // a column of places stays one however many of its rows are marked ("Incoming, CL" on most calls)
    if (place && strong.size > 0) {
      marker.push({ index, ...(strong.size === 1 ? { otherwise: opposite([...strong][0]!) } : {}) });
    } else if (counted >= filled * 0.6 || (allCodes && distinct.size >= 2)) {
      code.push({ index, weakOk: codeish || allCodes });
    } else if (strong.size > 0) {
      marker.push({ index });
    }
  }
  return { code, marker };
}

/**
 * The kind of records a table holds when its columns speak of only one kind (minutes and
 * airtime: calls; segments and messages: texts; kilobytes: data); undefined otherwise.
 * Context columns (the section of a multi-section export) do not count.
 */
function kindOfTable(normalized: readonly string[], headers: readonly string[]): CallRecordType | undefined {
  const context = new Set<string>(Object.values(CONTEXT_COLUMN_NAMES));
  const kinds = new Set<CallRecordType>();
  normalized.forEach((h, i) => {
    // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: equivalent with today's context column names, none of which holds a kind word
    if (context.has(headers[i] ?? '')) return;
    for (const [kind, pattern] of KIND_HEADER_WORDS) if (pattern.test(h)) kinds.add(kind);
  });
  return kinds.size === 1 ? [...kinds][0] : undefined;
}
