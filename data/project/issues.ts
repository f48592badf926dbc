import type { z } from 'zod';

/** A zod issue path as the user reads it: `installations[2].equipment[0].volume`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Every issue of a zod error as one line `path: message` (unknown keys named one by one). */
export function issueLines(error: z.ZodError): string[] {
  const lines: string[] = [];
  for (const issue of error.issues) {
    const at = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) lines.push(`${formatPath([...issue.path, k])}: unknown field`);
      continue;
    }
    // zod 4 keeps the input on an issue only when parsed with `reportInput: true` (parseProject does).
    const missing =
      ('input' in issue && issue.input === undefined && issue.code !== 'custom') ||
      /received undefined$/.test(issue.message);
    // quantity() marks a missing value with a "required: " prefix; plain zod types say "received undefined".
    const message = missing
      ? `required (${issue.message
          .replace(/^(Invalid input|Invalid option): /, '')
          .replace(/^required: /, '')
          .replace(/, received undefined$/, '')})`
      : issue.message.replace(/^required: (.*)$/, 'required ($1)').replace(/^Invalid input: /, '');
    lines.push(at === '' ? message : `${at}: ${message}`);
  }
  return lines;
}
