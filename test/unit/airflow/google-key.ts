import { generateKeyPairSync } from 'node:crypto';

/** A Google service-account key JSON with a fresh RSA key, whose token_uri is the test's own token endpoint. */
export function serviceAccountKey(tokenUri: string): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return JSON.stringify({
    type: 'service_account',
    project_id: 'orc-test',
    private_key_id: 'k1',
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    client_email: 'airflow-reader@orc-test.iam.gserviceaccount.com',
    client_id: '1',
    token_uri: tokenUri,
  });
}
