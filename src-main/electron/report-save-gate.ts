import { basename, join } from 'node:path';
import type { ApiErrorBody } from '../../src-shared/api/errors';

/**
 * The desktop app writes a report only where the person chose in a save
 * dialog: the path in a `reports.save` request from the renderer is a
 * suggestion for the dialog, never used itself. Plain functions, so the
 * decision is tested without Electron; main only shows the dialog.
 */
export const SAVE_DIALOG_REQUEST = 'reports.save';

/** What the dialog opens on: the suggested file name (no folders from the renderer) in the suggested folder, else the documents folder. */
export function saveDialogDefault(input: unknown, documentsDir: string): string {
  const path = typeof input === 'object' && input !== null ? (input as { path?: unknown }).path : undefined;
  // eslint-disable-next-line no-control-regex
  const name = typeof path === 'string' ? basename(path.replaceAll('\\', '/')).replace(/[\u0000-\u001f]/g, '') : '';
  return join(documentsDir, name === '' || name === '.' || name === '..' ? 'report' : name);
}

export type GatedInput = { ok: true; input: unknown } | { ok: false; error: ApiErrorBody };

/** The request the engine receives: the renderer's input with the dialog's path, or "cancelled" when the dialog gave none. */
export function withChosenPath(input: unknown, chosen: string | null | undefined): GatedInput {
  if (chosen === null || chosen === undefined || chosen === '') {
    return { ok: false, error: { code: 'cancelled', message: 'The report was not saved: no file was chosen.' } };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: true, input };
  return { ok: true, input: { ...input, path: chosen } };
}
