import { z } from 'zod';
import { defineRequest } from '../define';
import { Environment } from '../../domain/environment';
import { EnvironmentChanges, EnvironmentInput } from '../../domain/environment-config';
import { ConnectionTestResult } from '../../domain/connection-result';
import { EnvId } from '../../domain/ids';

export const ImportFormat = z.enum(['yaml', 'json']);
/** What an import file may be: an export of this app, or a flowrs config.toml (its servers are offered to choose from). */
export const ImportFileFormat = z.enum(['yaml', 'json', 'flowrs']);

/** A server of a flowrs config.toml that can be added, with what the person still has to do (enter a password...). */
export const ImportCandidate = z.object({ name: z.string(), baseUrl: z.string(), authKind: z.string(), note: z.string().nullable() });
export type ImportCandidate = z.infer<typeof ImportCandidate>;

export const environmentRequests = {
  'envs.list': defineRequest('Every configured environment, demo included', z.object({}).strict(), z.array(Environment), {
    scope: 'app',
    reads: ['environments'],
  }),
  'envs.settings': defineRequest(
    'The stored settings of a real environment, for editing (never its secret)',
    z.object({ envId: EnvId }).strict(),
    EnvironmentInput,
    { scope: 'app', reads: ['environments'] },
  ),
  'envs.test': defineRequest(
    'Test a connection: a saved environment, or a draft before saving it',
    z.union([z.object({ envId: EnvId }).strict(), z.object({ draft: EnvironmentInput }).strict()]),
    ConnectionTestResult,
    { scope: 'app', reads: [] },
  ),
  'envs.add': defineRequest(
    'Test a new environment and, only when the test passes, save it with its credentials',
    EnvironmentInput,
    z.object({ environment: Environment, test: ConnectionTestResult }),
    { scope: 'app', changes: ['environments'] },
  ),
  'envs.update': defineRequest(
    'Change an environment; connection changes are tested before they are saved',
    z.object({ envId: EnvId, changes: EnvironmentChanges }).strict(),
    Environment,
    { scope: 'app', changes: ['environments'] },
  ),
  'envs.remove': defineRequest(
    'Remove an environment, its credentials and its cached history',
    z.object({ envId: EnvId }).strict(),
    z.object({ removed: z.literal(true) }),
    { scope: 'app', changes: ['environments', 'dags', 'runs', 'task_instances'] },
  ),
  'envs.export': defineRequest(
    'Environments as a file, without any secret',
    z.object({ envIds: z.array(EnvId).max(200).optional(), format: ImportFormat.default('yaml') }).strict(),
    z.object({ text: z.string(), format: ImportFormat }),
    { scope: 'app', reads: ['environments'] },
  ),
  'envs.import': defineRequest(
    'Add environments from a YAML or JSON file (several at once); credentials are entered afterwards',
    z
      .object({
        text: z.string().max(1_000_000),
        format: ImportFileFormat,
        /** flowrs: the names of the servers to add; without it nothing is added and the candidates are listed. */
        choose: z.array(z.string().max(200)).max(500).optional(),
      })
      .strict(),
    z.object({
      added: z.array(Environment),
      failed: z.array(z.object({ index: z.number().int(), name: z.string().nullable(), message: z.string() })),
      candidates: z.array(ImportCandidate).optional(),
      /** flowrs `managed_services`: environments flowrs finds by itself, to add by hand here. */
      discovered: z.array(z.string()).optional(),
    }),
    { scope: 'app', changes: ['environments'] },
  ),
  'sync.start': defineRequest(
    'Sync an environment now (incremental; full reconciliation on request)',
    z.object({ envId: EnvId, full: z.boolean().default(false) }).strict(),
    z.object({ jobId: z.string() }),
    { scope: 'environment', changes: ['jobs'] },
  ),
  'sync.cancel': defineRequest(
    'Stop a running sync of an environment',
    z.object({ envId: EnvId }).strict(),
    z.object({ cancelled: z.boolean() }),
    { scope: 'app', changes: ['jobs'] },
  ),
} as const;
