import { describe, expect, it } from 'vitest';
import { parseEnvironmentFile } from '../../../src-main/services/environments/environment-file';
import { authFromStored, fileAuth, storedAuthFields } from '../../../src-main/services/environments/stored-auth';
import { EnvAuthInput, StoredEnvironmentConfig } from '../../../src-shared/domain/environment-config';

const yaml = `environments:
  - name: astro
    color: "#2563eb"
    baseUrl: https://org.astronomer.run/d3pl0y
    auth: { kind: astronomer }
  - name: mwaa
    color: "#2563eb"
    baseUrl: https://abc.c2.airflow.eu-west-1.on.aws
    auth: { kind: mwaa, region: eu-west-1, environmentName: MyEnv, profile: team-sso }
  - name: composer
    color: "#2563eb"
    baseUrl: https://abc-dot-europe-west1.composer.googleusercontent.com
    auth: { kind: composer }
  - name: astro with a token
    color: "#2563eb"
    baseUrl: https://org.astronomer.run/d3pl0y
    auth: { kind: astronomer, token: do-not-import }
`;

describe('import files and stored settings for the cloud providers', () => {
  it('reads each provider from an import file; a token in the file is refused', () => {
    const parsed = parseEnvironmentFile(yaml, 'yaml');
    expect(parsed.slice(0, 3).map((p) => p.entry?.auth)).toEqual([
      { kind: 'astronomer' },
      { kind: 'mwaa', region: 'eu-west-1', environmentName: 'MyEnv', profile: 'team-sso', endpointUrl: null },
      { kind: 'composer', keyFile: null, impersonate: null },
    ]);
    expect(parsed[3]?.entry).toBeNull();
  });

  it('stores names only, reads them back, and exports no token', () => {
    const auths: EnvAuthInput[] = [
      { kind: 'astronomer', token: 'secret-astro-token' },
      { kind: 'mwaa', region: 'us-east-1', environmentName: 'E', profile: null, endpointUrl: 'https://vpce.example.com' },
      { kind: 'composer', keyFile: '/home/me/sa.json', impersonate: null },
    ];
    for (const auth of auths) {
      const stored = StoredEnvironmentConfig.parse({
        ...storedAuthFields(auth),
        caFile: null,
        proxyUrl: null,
        syncIntervalMin: null,
        historyDays: 30,
        apiVersion: 'v2',
      });
      expect(JSON.stringify(stored)).not.toContain('secret-astro-token');
      expect(authFromStored(stored)).toEqual(auth.kind === 'astronomer' ? { kind: 'astronomer' } : auth);
      expect(JSON.stringify(fileAuth(auth))).not.toContain('secret-astro-token');
    }
  });
});
