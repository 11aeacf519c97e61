/**
 * Expected failures are values, not exceptions: parsing a feed, a topic query or a
 * command returns `Result`. The error carries a namespaced code tests can match
 * (`search/empty`, `commands/unknown-subcommand`) and a message written for people.
 */
export interface AppError {
  readonly code: string;
  readonly message: string;
  readonly detail?: unknown;
}

export type Result<T, E extends AppError = AppError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const err = <E extends AppError>(error: E): Result<never, E> => ({ ok: false, error });

export const appError = (code: string, message: string, detail?: unknown): AppError =>
  detail === undefined ? { code, message } : { code, message, detail };

/** Thrown for infrastructure failures that still deserve a message a person understands. */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UserFacingError';
  }
}
