import Papa from 'papaparse';

/**
 * Turn NDJSON record lines into CSV lines with a fixed column list. Arrays become
 * `;`-joined cells and objects JSON, so every record fits one row.
 */
export function recordsToCsv(lines: string[], columns: string[], withHeader: boolean): string {
  const rows = lines.map((line) => {
    const record = JSON.parse(line) as Record<string, unknown>;
    return columns.map((c) => cell(record[c]));
  });
  return Papa.unparse({ fields: columns, data: rows }, { header: withHeader, newline: '\n' }) + '\n';
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(';');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
