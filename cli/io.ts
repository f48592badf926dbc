/** The streams a command writes to, injected so commands can be tested without a process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads all of standard input; undefined when it is a terminal (nothing piped). */
  readStdin(): Promise<string | undefined>;
  readFile(path: string): Promise<string>;
  /** True when standard error is a terminal, so a progress bar may be drawn there. */
  stderrIsTerminal?: boolean;
}

/** A one-line error for the user: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
