import { config } from 'zod/mini';
import { en } from 'zod/locales';

/*
 * Every schema the functions validate with is written in zod/mini: the same schemas and checks
 * as classic zod, as functions instead of methods on every schema, so esbuild keeps only what is
 * used. Classic zod costs ~20-30 ms of CPU at a cold start, a fifth to a third of the baseline's
 * (docs/performance.md); it is left to the OpenAPI generator, which runs at build time. Messages
 * are English only once a locale is configured, which classic zod does when it loads and mini
 * does not: each module that builds a zod/mini schema imports this one, so a 400 or a row's error
 * reads the same in every function. (It exports nothing: re-exporting zod's namespace would keep
 * all of zod/mini in every bundle.)
 */
config(en());
