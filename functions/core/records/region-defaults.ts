/**
 * What a country's exports leave unsaid: the time zone their clock times are in and the
 * currency of an amount printed without one. Used for a job that names neither, once the
 * region is known (named by the job, or read from the file: map/file-region.ts).
 *
 * A country whose clocks keep more than one zone (the United States, Canada, Australia,
 * Brazil, Russia, Mexico, Indonesia) gives no zone: its times stay as printed,
 * read as UTC, and the job's `timezone` option is the way to say which. Currencies are the
 * ISO 4217 codes in use on 2026-12-07 (Bulgaria's euro since 2026-01-01 included).
 */
const DEFAULTS: Readonly<Record<string, readonly [currency: string, timezone?: string]>> = {
  US: ['USD'], CA: ['CAD'], AU: ['AUD'], BR: ['BRL'], RU: ['RUB'], MX: ['MXN'], ID: ['IDR'],
  // One zone (UTC+5) since 2024-03-01; tzdata's Asia/Almaty keeps the earlier +6 for older dates.
  KZ: ['KZT', 'Asia/Almaty'],
  GB: ['GBP', 'Europe/London'], IE: ['EUR', 'Europe/Dublin'], FR: ['EUR', 'Europe/Paris'], DE: ['EUR', 'Europe/Berlin'],
  ES: ['EUR', 'Europe/Madrid'], IT: ['EUR', 'Europe/Rome'], NL: ['EUR', 'Europe/Amsterdam'], BE: ['EUR', 'Europe/Brussels'],
  LU: ['EUR', 'Europe/Luxembourg'], CH: ['CHF', 'Europe/Zurich'], AT: ['EUR', 'Europe/Vienna'], PT: ['EUR', 'Europe/Lisbon'],
  AD: ['EUR', 'Europe/Andorra'], SE: ['SEK', 'Europe/Stockholm'], NO: ['NOK', 'Europe/Oslo'], DK: ['DKK', 'Europe/Copenhagen'],
  FI: ['EUR', 'Europe/Helsinki'], IS: ['ISK', 'Atlantic/Reykjavik'], PL: ['PLN', 'Europe/Warsaw'], CZ: ['CZK', 'Europe/Prague'],
  SK: ['EUR', 'Europe/Bratislava'], HU: ['HUF', 'Europe/Budapest'], RO: ['RON', 'Europe/Bucharest'], BG: ['EUR', 'Europe/Sofia'],
  HR: ['EUR', 'Europe/Zagreb'], SI: ['EUR', 'Europe/Ljubljana'], RS: ['RSD', 'Europe/Belgrade'], BA: ['BAM', 'Europe/Sarajevo'],
  ME: ['EUR', 'Europe/Podgorica'], MK: ['MKD', 'Europe/Skopje'], AL: ['ALL', 'Europe/Tirane'], XK: ['EUR', 'Europe/Belgrade'],
  GR: ['EUR', 'Europe/Athens'], CY: ['EUR', 'Asia/Nicosia'], MT: ['EUR', 'Europe/Malta'], EE: ['EUR', 'Europe/Tallinn'],
  LV: ['EUR', 'Europe/Riga'], LT: ['EUR', 'Europe/Vilnius'], UA: ['UAH', 'Europe/Kyiv'], BY: ['BYN', 'Europe/Minsk'],
  MD: ['MDL', 'Europe/Chisinau'], TR: ['TRY', 'Europe/Istanbul'], GE: ['GEL', 'Asia/Tbilisi'], AM: ['AMD', 'Asia/Yerevan'],
  AZ: ['AZN', 'Asia/Baku'], IL: ['ILS', 'Asia/Jerusalem'], SA: ['SAR', 'Asia/Riyadh'], AE: ['AED', 'Asia/Dubai'],
  EG: ['EGP', 'Africa/Cairo'], MA: ['MAD', 'Africa/Casablanca'], JO: ['JOD', 'Asia/Amman'], IR: ['IRR', 'Asia/Tehran'],
  PK: ['PKR', 'Asia/Karachi'], IN: ['INR', 'Asia/Kolkata'], BD: ['BDT', 'Asia/Dhaka'], NP: ['NPR', 'Asia/Kathmandu'],
  LK: ['LKR', 'Asia/Colombo'], TH: ['THB', 'Asia/Bangkok'], VN: ['VND', 'Asia/Ho_Chi_Minh'], KH: ['KHR', 'Asia/Phnom_Penh'],
  LA: ['LAK', 'Asia/Vientiane'], MM: ['MMK', 'Asia/Yangon'], MY: ['MYR', 'Asia/Kuala_Lumpur'], SG: ['SGD', 'Asia/Singapore'],
  BN: ['BND', 'Asia/Brunei'], PH: ['PHP', 'Asia/Manila'], CN: ['CNY', 'Asia/Shanghai'], HK: ['HKD', 'Asia/Hong_Kong'],
  TW: ['TWD', 'Asia/Taipei'], JP: ['JPY', 'Asia/Tokyo'], KR: ['KRW', 'Asia/Seoul'], MN: ['MNT', 'Asia/Ulaanbaatar'],
  UZ: ['UZS', 'Asia/Tashkent'], KG: ['KGS', 'Asia/Bishkek'], TJ: ['TJS', 'Asia/Dushanbe'], AF: ['AFN', 'Asia/Kabul'],
  NG: ['NGN', 'Africa/Lagos'], GH: ['GHS', 'Africa/Accra'], KE: ['KES', 'Africa/Nairobi'], TZ: ['TZS', 'Africa/Dar_es_Salaam'],
  ET: ['ETB', 'Africa/Addis_Ababa'], ZA: ['ZAR', 'Africa/Johannesburg'], SN: ['XOF', 'Africa/Dakar'], CI: ['XOF', 'Africa/Abidjan'],
  AO: ['AOA', 'Africa/Luanda'], MZ: ['MZN', 'Africa/Maputo'], NZ: ['NZD', 'Pacific/Auckland'], CO: ['COP', 'America/Bogota'],
  PE: ['PEN', 'America/Lima'], CL: ['CLP', 'America/Santiago'], AR: ['ARS', 'America/Argentina/Buenos_Aires'],
  EC: ['USD', 'America/Guayaquil'], VE: ['VES', 'America/Caracas'],
};

/** The zone and currency a region's files mean when they print none; either may be absent. */
export function regionDefaults(region: string): { currency?: string; timezone?: string } {
  const entry = DEFAULTS[region.toUpperCase()];
  if (entry === undefined) return {};
  const [currency, timezone] = entry;
  return timezone === undefined ? { currency } : { currency, timezone };
}

/**
 * The zone most of a several-zone country's people keep: an example for the message that
 * asks a job to name its zone, never a default (a Chicago file read as New York time is an
 * hour off, and says nothing).
 */
const MOST_POPULOUS_ZONE: Readonly<Record<string, string>> = {
  US: 'America/New_York', CA: 'America/Toronto', AU: 'Australia/Sydney', BR: 'America/Sao_Paulo',
  RU: 'Europe/Moscow', MX: 'America/Mexico_City', ID: 'Asia/Jakarta',
};

/** A zone to give as an example to a job of `region` that names none (a country's own when it has several). */
export function regionZoneExample(region: string): string {
  const upper = region.toUpperCase();
  return regionDefaults(upper).timezone ?? MOST_POPULOUS_ZONE[upper] ?? 'America/Chicago';
}

/** Every region the table knows (for its tests). */
export const REGIONS_WITH_DEFAULTS: readonly string[] = Object.keys(DEFAULTS);
