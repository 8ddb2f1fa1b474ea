import { z } from 'zod';
import { EnvId, IsoTime } from './ids';
import { IncidentId } from './incidents';

export const ReportFormat = z.enum(['html', 'md', 'pdf']);
export type ReportFormat = z.infer<typeof ReportFormat>;

/** A look-back such as `24h`, `7d` or `90m`, counted back from the environment's "now". */
export const SinceText = z.string().regex(/^\d{1,4}[mhd]$/, 'a duration such as 90m, 24h or 30d');

/** What a report covers: one incident, or a time window of one environment. */
export const ReportSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('incident'), incidentId: IncidentId }).strict(),
  z.object({ kind: z.literal('window'), envId: EnvId, since: SinceText.default('24h') }).strict(),
]);
export type ReportSource = z.output<typeof ReportSource>;
export type ReportSourceInput = z.input<typeof ReportSource>;

export const RenderedReport = z.object({
  /** A sanitized file name with the format's extension. */
  fileName: z.string(),
  mime: z.string(),
  /** `utf8` text for HTML and Markdown, `base64` for PDF. */
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
  bytes: z.number().int(),
  ms: z.number(),
});
export type RenderedReport = z.infer<typeof RenderedReport>;

export const ReportDefaults = z.object({
  mode: z.enum(['electron', 'served']),
  /** Where the save field starts: the user's documents folder (desktop app). */
  documentsDir: z.string(),
  /** False in served mode: the report downloads in the browser instead. */
  canSaveToPath: z.boolean(),
});

export const SavedReport = z.object({ path: z.string(), bytes: z.number().int(), ms: z.number(), at: IsoTime });
