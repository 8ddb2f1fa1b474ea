/** A token command that could not give a token: why, and what to do (never the token or the command's stdout). */
export class TokenCommandError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'TokenCommandError';
  }
}
