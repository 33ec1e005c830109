import { vi } from 'vitest';

/** One EMF document as Powertools Metrics writes it: the metric values, dimensions and metadata at the top level. */
export type EmfDocument = Record<string, unknown> & {
  _aws: { Timestamp: number; CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] };
};

/** The EMF documents among the lines of `text` (other output skipped). */
export function parseEmfLines(text: string): EmfDocument[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes('"_aws"'))
    .map((line) => JSON.parse(line) as EmfDocument);
}

/** Everything written to `stream` (stdout unless named) while `run` ran, kept from the terminal. The logger writes warnings and errors to stderr. */
export async function captureStdout(run: () => unknown, stream: NodeJS.WriteStream = process.stdout): Promise<string> {
  let text = '';
  const spy = vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return text;
}

/** What Powertools Metrics wrote to stdout while `run` ran, as EMF documents. */
export const captureEmf = async (run: () => unknown): Promise<EmfDocument[]> => parseEmfLines(await captureStdout(run));

/** The documents that carry metric `name`. */
export const withMetric = (docs: readonly EmfDocument[], name: string) => docs.filter((d) => d._aws.CloudWatchMetrics[0]?.Metrics.some((m) => m.Name === name));
