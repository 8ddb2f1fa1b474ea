import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFlowrsConfig } from '../../../src-main/services/environments/flowrs-config';

const sample = readFileSync(join(__dirname, 'flowrs', 'config.toml'), 'utf8');

describe('importing a flowrs config.toml', () => {
  it('turns each server auth kind flowrs supports into a candidate, without any secret', () => {
    const result = parseFlowrsConfig(sample);
    expect(result.candidates.map((c) => [c.name, c.entry.baseUrl, c.entry.auth])).toEqual([
      ['local', 'http://localhost:8080', { kind: 'password', username: 'airflow' }],
      ['static token', 'https://airflow.example.com/team-a', { kind: 'token' }],
      [
        'token command',
        'https://airflow.example.com',
        { kind: 'command', command: '/bin/sh', args: ['-c', "gcloud auth print-access-token | tr -d '\\n'"], timeoutS: 30 },
      ],
      ['astro', 'https://clx1.astronomer.run/d3pl0y', { kind: 'astronomer' }],
      ['composer', 'https://abc-dot-europe-west1.composer.googleusercontent.com', { kind: 'composer', keyFile: null, impersonate: null }],
      [
        'mwaa',
        'https://0a1b2c3d.c2.airflow.eu-west-1.on.aws',
        { kind: 'mwaa', region: 'eu-west-1', environmentName: 'MyEnv', profile: null, endpointUrl: null },
      ],
    ]);
    const everything = JSON.stringify(result);
    for (const secret of ['plain-text-password', 'static-secret-token', 'astro-secret-token', 'mwaa-secret-jwt', 'secret-cookie'])
      expect(everything).not.toContain(secret);
    expect(result.candidates[0]?.note).toContain('Enter the password');
  });

  it('names what it cannot import and why, and the services flowrs discovers by itself', () => {
    const result = parseFlowrsConfig(sample);
    expect(result.skipped.map((s) => s.name)).toEqual(['conveyor', 'cookie', 'bad url']);
    expect(result.skipped[2]?.reason).toContain('baseUrl');
    expect(result.discovered).toEqual(['Conveyor', 'Mwaa']);
  });

  it('refuses a file that is not TOML, and reads an empty one as nothing', () => {
    expect(() => parseFlowrsConfig('[[servers]\nname = ')).toThrow(/not valid TOML/);
    expect(parseFlowrsConfig('')).toEqual({ candidates: [], skipped: [], discovered: [] });
  });
});
