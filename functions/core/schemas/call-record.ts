import type { SchemaDefinition } from './schema-types.ts';

/**
 * Carrier call/SMS detail records. Synonyms come from real exports: AT&T ("Item, Day,
 * Date, Time, Number Called, Call To/From?, Min, Rate Code, Rate Pd, Feature, Airtime
 * Charge, LD/Add'l Charges, Total Charge"), Verizon ("Date, Time, Number, Origination,
 * Destination, Minutes, Airtime Charges, LD/Other Charges, Total"), T-Mobile ("Date and
 * time, Destination, Number, Min, Type, Call type") and generic call-log tools.
 */
export const callRecordSchema: SchemaDefinition = {
  name: 'call_record',
  description: 'Carrier call/SMS detail records (PhoneLog)',
  // a call log whose records lack these is read wrong, even when every row is accepted
  expected: ['direction', 'record_type', 'counterpart_number'],
  fields: [
    {
      name: 'started_at',
      type: 'datetime',
      required: true,
      description: 'When the call started or the message was sent, ISO 8601 UTC',
      synonyms: [
        'started at', 'start time', 'start date time', 'start datetime', 'date and time', 'date time', 'datetime',
        'timestamp', 'time stamp', 'call start', 'call start time', 'call date time', 'call date', 'event time',
        'event date', 'connect time', 'message date', 'sent date', 'usage date', 'date of call', 'date',
        // PBX CDRs (Asterisk's cdr_csv: start, answer, end)
        'start', 'call start date',
        'datum', 'fecha', 'data', 'fecha hora', 'fecha y hora', 'date heure', 'date et heure', 'data ora', 'data e ora', 'data hora', 'data e hora', 'datum uhrzeit', 'datum tijd', 'zeitpunkt', 'horodatage', 'date appel', 'fecha llamada', 'data chiamata', 'data chamada', 'gespreksdatum', 'verbindungsdatum',
      ],
      timeSynonyms: ['time', 'call time', 'start time', 'time of call', 'connect time', 'usage time', 'time of day', 'message time', 'uhrzeit', 'zeit', 'hora', 'heure', 'ora', 'tijd', 'tijdstip', 'horario', 'heure appel', 'hora llamada', 'ora chiamata', 'beginn'],
    },
    {
      name: 'direction',
      type: 'enum',
      required: false,
      enumValues: ['inbound', 'outbound'],
      codes: 'call_direction',
      description: 'inbound (received, MT) or outbound (dialed, MO)',
      synonyms: [
        'direction', 'call direction', 'in out', 'inbound outbound', 'incoming outgoing', 'call type', 'type of call',
        'call dir', 'dir', 'io', 'mo mt', 'originating terminating', 'sent received',
        'richtung', 'direccion', 'sens', 'sens appel', 'direzione', 'direcao', 'richting', 'sentido', 'entrante saliente', 'entrant sortant', 'eingehend ausgehend',
      ],
    },
    {
      name: 'counterpart_number',
      type: 'phone',
      required: true,
      // a data session has a line but no other party
      requiredUnless: { field: 'record_type', in: ['data'] },
      description: 'The other party, E.164 (SMS short codes are kept as their digits)',
      synonyms: [
        'counterpart number', 'number called', 'called number', 'number dialed', 'dialed number', 'other number',
        'other party', 'other party number', 'to from number', 'from to number', 'number', 'phone number', 'phone',
        'telephone number', 'contact number', 'remote number', 'remote', 'remote party', 'calling number', 'caller', 'caller id', 'called party',
        'destination number', 'b number', 'recipient', 'sender', 'counterpart', 'to from', 'from to',
        'rufnummer', 'telefonnummer', 'nummer', 'gewahlte nummer', 'zielrufnummer', 'numero', 'numero llamado', 'numero de telefono', 'numero appele', 'numero de telephone', 'numero chiamato', 'numero di telefono', 'numero telefone', 'telefoonnummer', 'gekozen nummer', 'destinatario', 'correspondant', 'interlocutor', 'numero destino', 'numero destination',
      ],
    },
    {
      name: 'duration_seconds',
      type: 'duration',
      required: false,
      description: 'Call length in whole seconds; bare numbers under a "Min"/"Minutes" header are minutes',
      synonyms: [
        'duration seconds', 'duration', 'call duration', 'duration sec', 'duration secs', 'duration min', 'min', 'mins',
        'minutes', 'minutes used', 'billed minutes', 'airtime minutes', 'usage minutes', 'seconds', 'secs', 'length',
        'call length', 'talk time', 'air time', 'mou', 'elapsed time', 'billable seconds', 'billed seconds', 'billsec',
        'dauer', 'verbindungsdauer', 'gesprachsdauer', 'duracion', 'duree', 'durata', 'duracao', 'duur', 'gespreksduur', 'tiempo', 'temps',
      ],
    },
    {
      name: 'record_type',
      type: 'enum',
      required: false,
      enumValues: ['voice', 'sms', 'mms', 'data'],
      codes: 'call_record_type',
      description: 'voice, sms, mms or data',
      synonyms: [
        'record type', 'type', 'usage type', 'service', 'service type', 'event type', 'message type', 'record kind',
        'usage category', 'activity type', 'category', 'kind',
        'tipo', 'typ', 'soort', 'art', 'verbindungsart', 'tipo servicio', 'type service', 'tipo servizio', 'tipo de servico', 'dienst',
      ],
    },
    {
      name: 'location',
      type: 'string',
      required: false,
      description: 'Place the carrier prints for the call (called city, origin or "INCOMING")',
      synonyms: [
        'location', 'call to from', 'call to', 'call from', 'destination', 'origination', 'city', 'city state',
        'destination city', 'called city', 'origin', 'call location', 'calling location', 'place', 'area',
        'roaming location',
        'ziel', 'zielort', 'ort', 'destino', 'lugar', 'localidad', 'lieu', 'luogo', 'localita', 'plaats', 'bestemming', 'local',
      ],
    },
    {
      name: 'subscriber_number',
      type: 'phone',
      required: false,
      description: 'The line whose log it is, E.164: from its own column, the statement block above the rows, or the side of the call that is the same on every row',
      synonyms: [
        'subscriber number', 'subscriber', 'wireless number', 'line number', 'mobile number', 'msisdn', 'my number', 'service number',
        'served msisdn', 'target number', 'user number', 'device number', 'mdn',
      ],
    },
    {
      name: 'cost_minor',
      type: 'money',
      required: false,
      currencyField: 'currency',
      microsField: 'cost_micros',
      description: 'Total charge in minor units (cents) of `currency`, rounded half away from zero',
      synonyms: [
        'cost minor', 'total charge', 'total charges', 'total', 'cost', 'total cost', 'call cost', 'charge', 'charges',
        'amount', 'total amount', 'billed amount', 'price', 'fee',
        'betrag', 'kosten', 'preis', 'gebuhr', 'entgelt', 'importe', 'coste', 'costo', 'precio', 'montant', 'montant ttc', 'prix', 'cout', 'tarif', 'importo', 'valor', 'custo', 'bedrag', 'prijs',
      ],
    },
    {
      name: 'cost_micros',
      type: 'integer',
      required: false,
      description: 'The same charge in millionths of `currency`, as precise as printed ("-0.0130" is -13000), written with cost_minor',
      synonyms: [],
    },
    {
      name: 'currency',
      type: 'string',
      required: false,
      description: 'ISO 4217 code of cost_minor (from the amount, a currency column or the job default)',
      synonyms: ['currency', 'currency code', 'ccy', 'cur', 'price unit', 'currency unit', 'wahrung', 'moneda', 'divisa', 'devise', 'valuta', 'moeda'],
    },
    {
      name: 'account_number',
      type: 'string',
      required: false,
      description: 'Billing account or the line the record belongs to',
      synonyms: [
        'account number', 'account', 'account no', 'account id', 'acct', 'acct no', 'acct number', 'ban',
        'billing account number', 'billing account',
        'kundennummer', 'vertragsnummer', 'numero de cuenta', 'cuenta', 'numero de compte', 'compte', 'numero cliente', 'conto', 'conta', 'klantnummer', 'rekeningnummer',
      ],
    },
  ],
};
