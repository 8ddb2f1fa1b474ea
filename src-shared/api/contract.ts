import type { z } from 'zod';
import { appRequests } from './requests/app';
import { environmentRequests } from './requests/environments';
import { historyRequests } from './requests/history';
import { jobRequests } from './requests/jobs';
import { paletteRequests } from './requests/palette';

/** Every request the UI may make. Each is declared once; both transports are built from this table. */
export const requests = {
  ...appRequests,
  ...environmentRequests,
  ...historyRequests,
  ...paletteRequests,
  ...jobRequests,
} as const;

export type Requests = typeof requests;
export type RequestName = keyof Requests;
/** What a caller passes (defaults may be omitted). */
export type RequestInput<N extends RequestName> = z.input<Requests[N]['input']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedInput<N extends RequestName> = z.output<Requests[N]['input']>;
export type RequestOutput<N extends RequestName> = z.output<Requests[N]['output']>;

export const requestNames = Object.keys(requests) as RequestName[];

export function isRequestName(name: string): name is RequestName {
  return Object.prototype.hasOwnProperty.call(requests, name);
}
