/** A project file that cannot be opened or written; the message names the file and the problem. */
export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    readonly fileName: string,
    readonly problem: string,
  ) {
    super(`${fileName}: ${problem}`);
  }
}
