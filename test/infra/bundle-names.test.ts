import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { join } from 'node:path';
import { MINIFY } from '../../lib/constructs/app-function.ts';

describe('Lambda bundles', () => {
  it("keep the error class names the state machine's Retry and Catch match on", async () => {
    const entry = join(import.meta.dirname, '../../functions/core/errors.ts');
    const out = await build({
      stdin: {
        contents: `import * as errors from ${JSON.stringify(entry)};\nexport const names = [new errors.NoDataRowsError('x').name, new errors.TransientError('x').name, new errors.LayoutChangedError('x').name];`,
        resolveDir: import.meta.dirname,
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'node',
      write: false,
      ...MINIFY,
    });
    const code = out.outputFiles[0]!.text;
    const mod = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { names: string[] };
    expect(mod.names).toEqual(['NoDataRowsError', 'TransientError', 'LayoutChangedError']);
  });
});
