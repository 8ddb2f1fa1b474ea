import { describe, expect, it } from 'vitest';
import { EnvironmentChanges } from '../../../src-shared/domain/environment-config';
import { changesConnection, draftChanges, draftToInput } from '../../../src-renderer/features/env-settings/draft-to-input';
import { emptyDraft, type EnvDraft } from '../../../src-renderer/features/env-settings/env-draft';
import { validateDraft } from '../../../src-renderer/features/env-settings/validate-draft';

describe('envs.update changes and the client certificate fields', () => {
  it('keeps only the fields sent: no default fills the others in (a rename left the rest alone)', () => {
    expect(EnvironmentChanges.parse({ name: 'renamed' })).toEqual({ name: 'renamed' });
    expect(EnvironmentChanges.parse({ caFile: null, readOnly: false })).toEqual({ caFile: null, readOnly: false });
    expect(() => EnvironmentChanges.parse({ unknown: 1 })).toThrow();
  });

  it('sends the certificate files, the passphrase only when typed, and treats them as connection changes', () => {
    const before: EnvDraft = { ...emptyDraft, name: 'prod', baseUrl: 'https://airflow.example.com', username: 'orc' };
    const after: EnvDraft = { ...before, clientCertFile: '/c.pem', clientKeyFile: '/c.key', clientKeyPassphrase: 'pw' };
    expect(draftToInput(after)).toMatchObject({ clientCertFile: '/c.pem', clientKeyFile: '/c.key', clientKeyPassphrase: 'pw' });
    expect(draftToInput({ ...after, clientKeyPassphrase: '' })).not.toHaveProperty('clientKeyPassphrase');
    const changes = draftChanges(before, after);
    expect(changes).toEqual({ clientCertFile: '/c.pem', clientKeyFile: '/c.key', clientKeyPassphrase: 'pw' });
    expect(changesConnection(changes)).toBe(true);
    expect(validateDraft({ ...before, clientCertFile: '/c.pem' }, false).clientKeyFile).toBeDefined();
  });
});
