import { z } from 'zod';

/** Argument shapes shared by the tools; lengths are bounded so a grammar can bound them too. */
export const ToolDagId = z.string().min(1).max(120).describe('DAG id');
export const ToolTaskId = z.string().min(1).max(120).describe('task id');
export const ToolRunId = z.string().min(1).max(100).describe('run id, as shown by other tools');
export const ToolDays = z.number().int().min(1).max(90).describe('how many days back');
