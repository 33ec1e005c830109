import { config } from 'zod/mini';
import { en } from 'zod/locales';

/*
 * The contracts of the functions that load no other zod are written in zod/mini: the same
 * schemas and checks as classic zod, as functions instead of methods on every schema, so esbuild
 * keeps only what is used. Classic zod costs ~30 ms of CPU at a cold start, a third of the
 * baseline's (docs/performance.md). Its messages are English only once a locale is configured,
 * which classic zod does when it loads and mini does not: each zod/mini contract imports this
 * module, so a 400 reads the same in every function. (It exports nothing: re-exporting zod's
 * namespace would keep all of zod/mini in every bundle.)
 */
config(en());
