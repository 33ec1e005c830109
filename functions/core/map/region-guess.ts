import { callingCodeOf } from '../enrich/phone.ts';
import { regionDatesDayFirst } from '../enrich/datetime.ts';
import { regionDefaults } from '../records/region-defaults.ts';
import type { MappingWarning } from '../pipeline-types.ts';
import type { FileRegion } from './file-region.ts';
import { WARNING_CODES } from '../jobs/warnings.ts';

/**
 * A zone's clock at two instants half a year apart, as text: zones with the same text keep the
 * same clock (daylight saving included). A region with no zone of its own is read as UTC.
 */
const PROBES = [Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)];
const clockOf = (zone = 'UTC') => PROBES.map((t) => new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).format(t)).join();

/**
 * What reading the file as `chosen` rather than `other` changes in its records: the calling
 * code national numbers get, and, where the two countries differ, the currency of bare
 * amounts, the zone of naive clock times and the order of numeric dates.
 */
function differences(chosen: string, other: string): string[] {
  const said: string[] = [`national numbers get +${callingCodeOf(chosen) ?? '?'}, not +${callingCodeOf(other) ?? '?'}`];
  const [a, b] = [regionDefaults(chosen), regionDefaults(other)];
  if (a.currency !== b.currency) said.push(`amounts without a currency are ${a.currency ?? 'USD'}, not ${b.currency ?? 'USD'}`);
  if (clockOf(a.timezone) !== clockOf(b.timezone)) {
    said.push(`clock times are ${a.timezone ?? 'UTC'} time, not ${b.timezone ?? 'UTC'}`);
  }
  if (regionDatesDayFirst(chosen) !== regionDatesDayFirst(other)) said.push(`numeric dates are read ${regionDatesDayFirst(chosen) ? 'day' : 'month'} first`);
  return said;
}

/**
 * The `region_guessed` warning for a region read from a file whose numbers fit another
 * country as well and nothing else told them apart (Germany or Austria for a list of German
 * mobiles): the job succeeds, but its phone numbers' country code is a guess, so it says so,
 * with what would change and how to name the region. Undefined for a region the file settled.
 */
export function regionGuessWarning(region: FileRegion): MappingWarning | undefined {
  const others = region.tiedWith ?? [];
  if (others.length === 0) return undefined;
  const changes = others.map((o) => `rather than ${o}: ${differences(region.region, o).join(', ')}`);
  return {
    code: WARNING_CODES.regionGuessed,
    message: `the file's country is a guess: its phone numbers are as valid ${others.join(' or ')} numbers as ${region.region} ones and nothing else in the file tells them apart, so it was read as ${region.region} (${changes.join('; ')}); name the job's region (defaultRegion, \`ingest --region\`) if it is ${others.join(' or ')}`,
    count: 1,
  };
}
