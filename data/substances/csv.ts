/** One CSV record: its cells by header name and the file line it starts on (the header is line 1). */
export interface CsvRecord {
  line: number;
  cells: Record<string, string>;
}

/** A CSV file that cannot be read as a table; the message names the file and the line. */
export class CsvError extends Error {
  override name = 'CsvError';
}

/**
 * Parses RFC 4180 CSV (comma separator, `"` quoting with `""` escapes, LF or CRLF line ends, UTF-8 BOM
 * tolerated). Every record must have as many cells as the header.
 * @param text file content
 * @param file file name used in error messages
 */
export function parseCsv(text: string, file: string): { header: string[]; records: CsvRecord[] } {
  const rows: { line: number; cells: string[] }[] = [];
  let line = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let recordLine = 1;
  let afterQuote = false;
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;

  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    afterQuote = false;
  };

  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (cell !== '' || afterQuote)
        throw new CsvError(`${file} line ${line}: stray '"' inside an unquoted cell`);
      quoted = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
      afterQuote = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      if (afterQuote) throw new CsvError(`${file} line ${line}: text after a closing quote`);
      cell += ch;
    }
  }
  if (quoted)
    throw new CsvError(`${file} line ${recordLine}: quoted cell not closed before the end of the file`);
  endRecord();

  const [head, ...body] = rows;
  if (!head) throw new CsvError(`${file}: empty file (no header line)`);
  const header = head.cells.map((h) => h.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) throw new CsvError(`${file} line 1: column '${h}' appears twice`);
    seen.add(h);
  }
  const records = body.map((r) => {
    if (r.cells.length !== header.length) {
      throw new CsvError(`${file} line ${r.line}: ${r.cells.length} cells, the header has ${header.length}`);
    }
    const record: Record<string, string> = {};
    header.forEach((h, k) => (record[h] = r.cells[k]!));
    return { line: r.line, cells: record };
  });
  return { header, records };
}
