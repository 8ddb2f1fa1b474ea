/** What an auth provider may ask of the HTTP client: an unauthenticated JSON POST (for `/auth/token`). */
export interface TokenClient {
  postJsonWithoutAuth(path: string, body: unknown): Promise<unknown>;
}

/**
 * Supplies the `Authorization` header for one environment. Implementations keep secrets in memory
 * only and never put them into errors.
 */
export interface AuthProvider {
  readonly kind: 'none' | 'basic' | 'static-token' | 'password-jwt' | 'token-command' | 'google';
  /** The header value to send (may obtain a token first), or undefined for anonymous requests. */
  authorization(client: TokenClient): Promise<string | undefined>;
  /**
   * Called when the server rejected `rejected` (401, or Airflow 3's 403 "Invalid JWT token").
   * Returns true when a fresh credential can be obtained, so the request is worth one more try.
   */
  invalidate(rejected: string): boolean;
}

export const noAuth: AuthProvider = {
  kind: 'none',
  authorization: () => Promise.resolve(undefined),
  invalidate: () => false,
};
