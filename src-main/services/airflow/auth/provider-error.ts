/**
 * A cloud provider (AWS for MWAA, Google for Composer) refused before Airflow was reached: no usable credentials, an
 * unknown environment, a call its IAM policy forbids. The message never carries a secret; the hint says what to do.
 */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    readonly kind: 'credentials' | 'environment' | 'forbidden' | 'unavailable',
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}
