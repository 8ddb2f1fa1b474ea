import { parse as parseToml } from 'smol-toml';
import { EnvironmentFileEntry } from './environment-file';

/** One server of a flowrs config.toml that can become an environment, with what the person still has to do. */
export interface FlowrsCandidate {
  name: string;
  entry: EnvironmentFileEntry;
  /** What is not carried over (a password, a token) or was translated (a shell command). */
  note: string | null;
}

export interface FlowrsImport {
  candidates: FlowrsCandidate[];
  /** Servers that cannot become an environment, and why (an auth kind this app lacks, a missing field). */
  skipped: { name: string | null; reason: string }[];
  /** `managed_services` flowrs lists by itself (Conveyor, MWAA, Astronomer, Composer): named, not added. */
  discovered: string[];
}

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim().length > 0 ? v.trim() : null);

/** The AWS region in an MWAA web server host name (`<id>.c2.airflow.eu-west-1.on.aws`, older `...amazonaws.com`). */
function mwaaRegion(endpoint: string): string | null {
  try {
    return /\.airflow\.([a-z]{2}(?:-[a-z]+)+-\d{1,2})\.(?:on\.aws|amazonaws\.com)$/.exec(new URL(endpoint).hostname)?.[1] ?? null;
  } catch {
    return null;
  }
}

/** The auth block for one flowrs `auth` value, never with its secret; or the reason it cannot be used. */
function authOf(auth: unknown, endpoint: string): { auth: unknown; note: string | null } | { reason: string } {
  if (auth === 'Conveyor') return { reason: 'Conveyor sign-in is not supported; use a token command that prints a Conveyor token.' };
  if (!isTable(auth)) return { reason: 'it has no auth section' };
  const [kind, value] = Object.entries(auth)[0] ?? [];
  const v = isTable(value) ? value : {};
  switch (kind) {
    case 'Basic':
      return {
        auth: { kind: 'password', username: text(v.username) ?? '' },
        note: 'Enter the password: it is not copied from config.toml.',
      };
    case 'Token':
      if (text(v.cmd) !== null) {
        // flowrs runs the command through a shell; so does this translation, and it runs only once the user saved it.
        return {
          auth: { kind: 'command', command: '/bin/sh', args: ['-c', text(v.cmd)], timeoutS: 30 },
          note: 'Its token command runs through /bin/sh -c, as in flowrs; check it and save the environment to allow it.',
        };
      }
      return { auth: { kind: 'token' }, note: 'Paste the token: it is not copied from config.toml.' };
    case 'Astronomer':
      return { auth: { kind: 'astronomer' }, note: 'Paste the Astro API token: it is not copied from config.toml.' };
    case 'Composer':
      return {
        auth: { kind: 'composer', keyFile: null, impersonate: null },
        note: 'Uses application-default credentials (gcloud auth application-default login).',
      };
    case 'Mwaa': {
      const region = mwaaRegion(endpoint);
      const environmentName = text(v.environment_name);
      if (region === null || environmentName === null) return { reason: 'the MWAA region or environment name cannot be read from it' };
      return {
        auth: { kind: 'mwaa', region, environmentName, profile: null, endpointUrl: null },
        note: 'Signs in with your AWS credentials (profile, SSO or environment).',
      };
    }
    case 'Cookie':
      return { reason: 'cookie sign-in is not supported; use a token command or a password.' };
    default:
      return { reason: `its auth kind "${String(kind)}" is not known` };
  }
}

/** Reads a flowrs config.toml; nothing is added here: the person chooses among the candidates. */
export function parseFlowrsConfig(toml: string): FlowrsImport {
  let doc: Table;
  try {
    doc = parseToml(toml) as Table;
  } catch (error) {
    throw new Error(`The file is not valid TOML: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : ''}`);
  }
  const servers = Array.isArray(doc.servers) ? doc.servers.slice(0, 500) : [];
  const result: FlowrsImport = { candidates: [], skipped: [], discovered: [] };
  for (const server of servers) {
    const s = isTable(server) ? server : {};
    const name = text(s.name);
    const endpoint = text(s.endpoint) ?? '';
    const auth = authOf(s.auth, endpoint);
    if ('reason' in auth) {
      result.skipped.push({ name, reason: auth.reason });
      continue;
    }
    const parsed = EnvironmentFileEntry.safeParse({
      name: (name ?? '').slice(0, 80),
      color: '#2563eb',
      baseUrl: endpoint,
      auth: auth.auth,
    });
    if (!parsed.success) {
      result.skipped.push({ name, reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; ') });
      continue;
    }
    result.candidates.push({ name: parsed.data.name, entry: parsed.data, note: auth.note });
  }
  const managed = Array.isArray(doc.managed_services) ? doc.managed_services : [];
  result.discovered = managed.filter((m): m is string => typeof m === 'string').slice(0, 10);
  return result;
}
