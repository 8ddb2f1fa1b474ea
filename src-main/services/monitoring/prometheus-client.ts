import { z } from 'zod';
import { endpoint, getJson, MonitoringSourceError } from './monitoring-http';

const Labels = z.record(z.string(), z.string());
const Sample = z.tuple([z.number(), z.string()]);
const Reply = z.union([
  z.object({
    status: z.literal('success'),
    data: z.discriminatedUnion('resultType', [
      z.object({ resultType: z.literal('vector'), result: z.array(z.object({ metric: Labels, value: Sample })) }),
      z.object({ resultType: z.literal('matrix'), result: z.array(z.object({ metric: Labels, values: z.array(Sample) })) }),
      z.object({ resultType: z.literal('scalar'), result: Sample }),
      z.object({ resultType: z.literal('string'), result: Sample }),
    ]),
  }),
  z.object({ status: z.literal('error'), errorType: z.string().optional(), error: z.string().optional() }),
]);

export interface InstantSample {
  labels: Record<string, string>;
  value: number;
}

export interface RawSeries {
  labels: Record<string, string>;
  /** [unix seconds, value], oldest first. */
  samples: Array<[number, number]>;
}

const WHAT = 'Prometheus';

/** Prometheus's HTTP API (`/api/v1/query`) at a URL the user configured. */
export class PrometheusClient {
  constructor(private readonly baseUrl: string) {}

  private async query(promql: string): Promise<z.infer<typeof Reply>> {
    const body = await getJson(endpoint(this.baseUrl, '/api/v1/query', { query: promql }), WHAT, 'not_prometheus');
    const reply = Reply.safeParse(body);
    if (!reply.success)
      throw new MonitoringSourceError(
        'not_prometheus',
        'The URL answered /api/v1/query, but not like Prometheus.',
        "Use Prometheus's own base URL, like http://prometheus:9090.",
      );
    if (reply.data.status === 'error')
      throw new MonitoringSourceError(
        'query',
        `Prometheus refused a query: ${reply.data.error ?? reply.data.errorType ?? 'unknown error'}.`,
        'This Prometheus may be too old for the query; version 2.x or later is needed.',
      );
    return reply.data;
  }

  /** An instant vector: each series with its labels (including `__name__` for plain selectors). */
  async instant(promql: string): Promise<InstantSample[]> {
    const reply = await this.query(promql);
    if (reply.status !== 'success') return [];
    const data = reply.data;
    if (data.resultType === 'vector') return data.result.map((r) => ({ labels: r.metric, value: Number(r.value[1]) }));
    if (data.resultType === 'scalar') return [{ labels: {}, value: Number(data.result[1]) }];
    throw new MonitoringSourceError('query', `Expected an instant vector, got a ${data.resultType}.`, 'Report this query.');
  }

  /** The raw samples of a range selector such as `{__name__=~"x"}[15m]`, exactly as scraped. */
  async raw(selector: string, windowMinutes: number): Promise<RawSeries[]> {
    const reply = await this.query(`${selector}[${windowMinutes}m]`);
    if (reply.status !== 'success') return [];
    const data = reply.data;
    if (data.resultType !== 'matrix')
      throw new MonitoringSourceError('query', `Expected a range vector, got a ${data.resultType}.`, 'Report this query.');
    return data.result.map((r) => ({ labels: r.metric, samples: r.values.map(([t, v]) => [t, Number(v)] as [number, number]) }));
  }

  /** The server's build, for "Test". */
  async buildInfo(): Promise<string> {
    const body = await getJson(endpoint(this.baseUrl, '/api/v1/status/buildinfo'), WHAT, 'not_prometheus');
    const parsed = z.object({ status: z.literal('success'), data: z.object({ version: z.string() }) }).safeParse(body);
    if (!parsed.success)
      throw new MonitoringSourceError(
        'not_prometheus',
        'The URL answered, but not like Prometheus.',
        "Use Prometheus's own base URL, like http://prometheus:9090.",
      );
    return parsed.data.data.version;
  }
}
