import { z } from 'zod';
import measured from './model-guidance.json';

/** One model's figures from `npm run eval:copilot` (eval/copilot), as measured, never estimated. */
export const MeasuredModel = z.object({
  /** The GGUF file the eval loaded. */
  file: z.string(),
  /** Parameters, as the model's name says them ("0.5B"). */
  size: z.string(),
  /** Share of answerable questions whose answer named the right run, task or cause and nothing wrong. */
  right: z.number().nullable(),
  /** The same on the open questions ("what should I look at first today?"). */
  openRight: z.number().nullable(),
  /** The same for the failure brief alone, no model, on the same questions. */
  briefAloneRight: z.number().nullable(),
  /** Invented ids shown to the user as fact, in all answers. */
  hallucinatedShown: z.number().int(),
  /** "2/3": unanswerable questions answered with "not found", of those asked. */
  abstained: z.string(),
  secondsPerAnswer: z.number(),
  tokensReadPerAnswer: z.number(),
  questions: z.number().int(),
  seeds: z.array(z.number().int()),
});
export type MeasuredModel = z.infer<typeof MeasuredModel>;

/** What the eval measured, where and when. */
export const ModelGuidance = z.object({
  measuredAt: z.string(),
  /** The machine: CPU model, cores the model used, GPU or none. */
  machine: z.string(),
  command: z.string(),
  models: z.array(MeasuredModel),
  /** Sizes not measured on this machine, and why. */
  notMeasured: z.string().nullable(),
});
export type ModelGuidance = z.infer<typeof ModelGuidance>;

/** The table shipped with the app (src-shared/domain/model-guidance.json, written by the eval). */
export const MODEL_GUIDANCE: ModelGuidance = ModelGuidance.parse(measured);

/** The measured row of a model file, matched by file name (case-insensitive). */
export function guidanceFor(file: string, guidance: ModelGuidance = MODEL_GUIDANCE): MeasuredModel | null {
  return guidance.models.find((m) => m.file.toLowerCase() === file.toLowerCase()) ?? null;
}
