import { describe, expect, it } from 'vitest';
import { EnvironmentInput } from '../../../src-shared/domain/environment-config';
import { draftChanges, draftToInput } from '../../../src-renderer/features/env-settings/draft-to-input';
import { draftFromInput, emptyDraft, type EnvDraft } from '../../../src-renderer/features/env-settings/env-draft';
import { validateDraft } from '../../../src-renderer/features/env-settings/validate-draft';

const base: EnvDraft = { ...emptyDraft, name: 'prod', baseUrl: 'https://airflow.example.com' };

describe('the Add/Edit form for Astronomer, MWAA and Composer', () => {
  it('sends an Astronomer token only when typed, and asks for one when adding', () => {
    const draft: EnvDraft = { ...base, baseUrl: 'https://org.astronomer.run/d3pl0y', authKind: 'astronomer', secret: 'astro-token' };
    expect(draftToInput(draft).auth).toEqual({ kind: 'astronomer', token: 'astro-token' });
    expect(draftToInput({ ...draft, secret: '' }).auth).toEqual({ kind: 'astronomer' });
    expect(validateDraft({ ...draft, secret: '' }, true).secret).toBe('Paste the API token.');
  });

  it('builds the MWAA block, validated like the schema, and reads it back', () => {
    const draft: EnvDraft = {
      ...base,
      authKind: 'mwaa',
      mwaaRegion: ' eu-west-1 ',
      mwaaEnvironment: 'MyEnv',
      mwaaProfile: '',
      mwaaEndpointUrl: '',
    };
    const input = draftToInput(draft);
    expect(input.auth).toEqual({ kind: 'mwaa', region: 'eu-west-1', environmentName: 'MyEnv', profile: null, endpointUrl: null });
    expect(EnvironmentInput.safeParse(input).success).toBe(true);
    expect(draftFromInput(input)).toMatchObject({ authKind: 'mwaa', mwaaRegion: 'eu-west-1', mwaaEnvironment: 'MyEnv' });
    const errors = validateDraft({ ...draft, mwaaRegion: 'Europe', mwaaEnvironment: '1 bad', mwaaProfile: 'a b' }, true);
    expect(Object.keys(errors).sort()).toEqual(['mwaaEnvironment', 'mwaaProfile', 'mwaaRegion']);
    expect(draftChanges(draft, { ...draft, mwaaProfile: 'team' }).auth).toMatchObject({ profile: 'team' });
    expect(draftChanges(draft, { ...draft, name: 'renamed' }).auth).toBeUndefined();
  });

  it('builds the Composer block: application-default credentials when no file is named', () => {
    const draft: EnvDraft = {
      ...base,
      authKind: 'composer',
      composerKeyFile: '',
      composerImpersonate: 'reader@proj.iam.gserviceaccount.com',
    };
    expect(draftToInput(draft).auth).toEqual({ kind: 'composer', keyFile: null, impersonate: 'reader@proj.iam.gserviceaccount.com' });
    expect(validateDraft({ ...draft, composerImpersonate: 'someone@gmail.com' }, true).composerImpersonate).toBeDefined();
    expect(EnvironmentInput.safeParse(draftToInput(draft)).success).toBe(true);
  });
});
