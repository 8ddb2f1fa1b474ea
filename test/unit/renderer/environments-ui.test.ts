import { describe, expect, it } from 'vitest';
import type { Job } from '../../../src-shared/api/requests/jobs';
import type { Environment } from '../../../src-shared/domain/environment';
import { EnvironmentInput } from '../../../src-shared/domain/environment-config';
import { changesConnection, draftChanges, draftToInput } from '../../../src-renderer/features/env-settings/draft-to-input';
import { draftFromInput, emptyDraft, type EnvDraft } from '../../../src-renderer/features/env-settings/env-draft';
import { formatFromFileName, formatFromText } from '../../../src-renderer/features/env-settings/import-format';
import { envDialogFrom } from '../../../src-renderer/platform/routing/settings-route';
import { validateDraft } from '../../../src-renderer/features/env-settings/validate-draft';
import { syncLabel } from '../../../src-renderer/features/environments/sync-label';
import { latestSyncJob, syncJobText } from '../../../src-renderer/features/jobs/sync-job-text';
import { commandItems } from '../../../src-renderer/features/palette/command-items';

const valid: EnvDraft = { ...emptyDraft, name: 'prod', baseUrl: 'https://airflow.example.com', username: 'orc', secret: 's3cret' };

const env = (over: Partial<Environment>): Environment => ({
  id: 'prod',
  name: 'prod',
  kind: 'airflow3',
  color: '#dc2626',
  readOnly: true,
  baseUrl: 'https://airflow.example.com',
  airflowVersion: '3.1.0',
  credentialsConfigured: true,
  synthetic: false,
  lastSyncAt: null,
  lastSyncError: null,
  ...over,
});

const job = (over: Partial<Job>): Job => ({
  id: 'j1',
  kind: 'sync',
  envId: 'prod',
  label: 'Syncing prod',
  state: 'running',
  done: 1200,
  total: 3400,
  message: 'task_instances',
  startedAt: '2025-06-02T12:00:00.000Z',
  ...over,
});

describe('environment form', () => {
  it('accepts a complete draft, and its input passes the shared schema', () => {
    expect(validateDraft(valid, true)).toEqual({});
    expect(EnvironmentInput.safeParse(draftToInput(valid)).success).toBe(true);
  });

  it('refuses URLs that are not http(s), or carry credentials', () => {
    expect(validateDraft({ ...valid, baseUrl: 'ftp://airflow.example.com' }, true).baseUrl).toMatch(/http\(s\)/);
    expect(validateDraft({ ...valid, baseUrl: 'https://u:p@airflow.example.com' }, true).baseUrl).toMatch(/http\(s\)/);
    expect(validateDraft({ ...valid, proxyUrl: 'socks://proxy' }, true).proxyUrl).toBeDefined();
  });

  it('asks for the secret only when required, and checks the numbers', () => {
    expect(validateDraft({ ...valid, secret: '' }, true).secret).toBe('Enter the password.');
    expect(validateDraft({ ...valid, secret: '' }, false).secret).toBeUndefined();
    expect(validateDraft({ ...valid, syncIntervalMin: '0' }, true).syncIntervalMin).toBeDefined();
    expect(validateDraft({ ...valid, historyDays: '9.5' }, true).historyDays).toBeDefined();
  });

  it('leaves an empty secret out, so Edit keeps the stored one', () => {
    expect(draftToInput({ ...valid, secret: '' }).auth).toEqual({ kind: 'password', username: 'orc' });
    expect(draftToInput({ ...valid, authKind: 'token', secret: '' }).auth).toEqual({ kind: 'token' });
  });

  it('sends only what changed; a rename does not touch the connection', () => {
    const before = draftFromInput(draftToInput({ ...valid, secret: '' }));
    const renamed = draftChanges(before, { ...before, name: 'production' });
    expect(renamed).toEqual({ name: 'production' });
    expect(changesConnection(renamed)).toBe(false);
    const newPassword = draftChanges(before, { ...before, secret: 'next' });
    expect(newPassword).toEqual({ auth: { kind: 'password', username: 'orc', password: 'next' } });
    expect(changesConnection(newPassword)).toBe(true);
  });

  it('sends a token command as typed: the program, each line one argument (no shell splitting), and always on save', () => {
    const draft: EnvDraft = {
      ...valid,
      authKind: 'command',
      secret: '',
      command: ' gcloud ',
      commandArgs: 'auth\nprint-access-token\n\n--impersonate-service-account=a b@x.iam',
      commandTimeoutS: '20',
    };
    const input = draftToInput(draft);
    expect(input.auth).toEqual({
      kind: 'command',
      command: 'gcloud',
      args: ['auth', 'print-access-token', '--impersonate-service-account=a b@x.iam'],
      timeoutS: 20,
    });
    expect(EnvironmentInput.safeParse(input).success).toBe(true);
    expect(validateDraft(draft, true)).toEqual({});
    expect(validateDraft({ ...draft, command: '' }, true).command).toBeDefined();
    expect(validateDraft({ ...draft, commandTimeoutS: '0' }, true).commandTimeoutS).toBeDefined();
    const before = draftFromInput(input);
    expect(before.commandArgs).toBe('auth\nprint-access-token\n--impersonate-service-account=a b@x.iam');
    // Saving the form confirms the command (one imported from a file runs only after that), so it is always sent.
    expect(draftChanges(before, { ...before, color: before.color })).toEqual({ auth: input.auth });
  });
});

describe('import format', () => {
  it('comes from the extension, else from the text', () => {
    expect(formatFromFileName('envs.YML')).toBe('yaml');
    expect(formatFromFileName('envs.json')).toBe('json');
    expect(formatFromFileName('envs.txt')).toBeNull();
    expect(formatFromText('  {"environments": []}')).toBe('json');
    expect(formatFromText('environments: []')).toBe('yaml');
  });
});

describe('sync wording', () => {
  it('reads a running sync as one line with the step and counts', () => {
    expect(syncJobText(job({}), 'prod')).toBe('Syncing prod — task instances 1,200/3,400');
    expect(syncJobText(job({ message: 'tries and_logs', total: null, done: 0 }), 'prod')).toBe('Syncing prod — tries and logs');
    expect(syncJobText(job({ state: 'done', message: '42 changes' }), 'prod')).toBe('Synced prod — 42 changes');
    expect(syncJobText(job({ state: 'failed', message: 'refused' }), 'prod', false)).toBe('Sync of prod failed');
    expect(syncJobText(job({ state: 'failed', message: 'Cancelled' }), 'prod')).toBe('Sync of prod cancelled');
  });

  it('finds the newest sync job of an environment', () => {
    const jobs = [job({ id: 'a', envId: 'other' }), job({ id: 'b' }), job({ id: 'c' })];
    expect(latestSyncJob(jobs, 'prod')?.id).toBe('b');
    expect(latestSyncJob(jobs, 'none')).toBeNull();
  });

  it('keeps "synced N min ago" for an environment whose last sync failed', () => {
    const now = Date.parse('2025-06-02T12:14:00.000Z');
    expect(syncLabel(env({ lastSyncAt: '2025-06-02T12:00:00.000Z', lastSyncError: 'offline' }), now)).toBe('synced 14 min ago');
    expect(syncLabel(env({ lastSyncError: 'offline' }), now)).toBe('last sync failed');
    expect(syncLabel(env({}), now)).toBe('never synced');
  });
});

describe('palette commands', () => {
  it('offers add/import/export and a sync per real environment', () => {
    const envs = [env({}), env({ id: 'demo', name: 'Demo', synthetic: true })];
    const labels = commandItems('', envs).map((item) => item.label);
    expect(labels).toEqual(['Add environment', 'Import environments', 'Export environments', 'Sync prod']);
    expect(commandItems('sync pr', envs).map((item) => item.syncEnvId)).toEqual(['prod']);
    expect(envDialogFrom({ dialog: 'add' })).toBe('add');
    expect(envDialogFrom({ dialog: 'nope' })).toBeNull();
  });
});
