import { ApiError } from '../../../src-shared/api/errors';
import { documentsDir } from '../../services/reports/documents-dir';
import type { Handlers } from '../dispatcher';
import type { EngineContext } from '../engine-context';

export function reportHandlers(ctx: EngineContext): Pick<Handlers, 'reports.defaults' | 'reports.render' | 'reports.save'> {
  return {
    'reports.defaults': () => ({ mode: ctx.options.mode, documentsDir: documentsDir(), canSaveToPath: ctx.options.mode === 'electron' }),
    'reports.render': ({ source, format }) => ctx.reports.forDownload(source, format),
    'reports.save': ({ source, format, path }) => {
      // In the browser the report downloads; a web page never names files on the machine that serves it.
      if (ctx.options.mode !== 'electron')
        throw new ApiError('forbidden', 'In the browser, reports download instead of being saved to a path.', 'Use Download.');
      return ctx.reports.save(source, format, path);
    },
  };
}
