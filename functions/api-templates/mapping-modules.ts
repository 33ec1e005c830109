/*
 * What the templates API's mapping routes (a suggestion, a job's mapping and its confirmation,
 * a template made from a job) need beyond the other routes: the file sampler (chardet and the
 * detectors), the mapping core (the header lexicon, the country and city names, the value
 * readers), the AI client and the job launcher. mapping-routes.ts imports them statically and is
 * itself loaded with one import() (handler.ts): one lazily loaded module and not one per module,
 * as each is a set of chunks in the split build, and the code it shares with the routes that
 * start without it lands in small chunks read at init, one file each (20 files at init with
 * seven import()s, 2026-12-07).
 */
export { layoutOf, sampleFromParsed, sampleFromUpload } from '../adapters/file-sample.ts';
export { suggestForFile } from '../core/templates/suggest.ts';
export { aiSuggesterFor } from '../adapters/ai-client.ts';
export { fieldAlternatives } from '../core/map/field-alternatives.ts';
export { applyPersonValueMaps, unknownValuesWarning } from '../core/map/value-maps.ts';
export { summarizeMapping } from '../core/map/suggest-mapping.ts';
export { resumeJob } from '../adapters/job-launcher.ts';
