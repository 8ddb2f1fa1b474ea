import type { z } from 'zod';
import { actionRequests } from './requests/actions';
import { analyticsRequests } from './requests/analytics';
import { appRequests } from './requests/app';
import { copilotRequests } from './requests/copilot';
import { dagRequests } from './requests/dags';
import { embeddingRequests } from './requests/embeddings';
import { environmentRequests } from './requests/environments';
import { failureBriefRequests } from './requests/failure-brief';
import { graphRequests } from './requests/graph';
import { historyRequests } from './requests/history';
import { incidentRequests } from './requests/incidents';
import { investigateRequests } from './requests/investigate';
import { jobRequests } from './requests/jobs';
import { monitoringRequests } from './requests/monitoring';
import { paletteRequests } from './requests/palette';
import { rulesRequests } from './requests/rules';
import { reportRequests } from './requests/reports';

/** Every request the UI may make. Each is declared once; both transports are built from this table. */
export const requests = {
  ...appRequests,
  ...actionRequests,
  ...analyticsRequests,
  ...environmentRequests,
  ...graphRequests,
  ...historyRequests,
  ...investigateRequests,
  ...failureBriefRequests,
  ...dagRequests,
  ...paletteRequests,
  ...jobRequests,
  ...copilotRequests,
  ...rulesRequests,
  ...incidentRequests,
  ...reportRequests,
  ...monitoringRequests,
  ...embeddingRequests,
} as const;

export type Requests = typeof requests;
export type RequestName = keyof Requests;
/** What a caller passes (defaults may be omitted). */
export type RequestInput<N extends RequestName> = z.input<Requests[N]['input']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedInput<N extends RequestName> = z.output<Requests[N]['input']>;
export type RequestOutput<N extends RequestName> = z.output<Requests[N]['output']>;

/** Requests that change nothing the app caches; `reads` says which `data.changed` topics refresh them. */
export type QueryName = { [N in RequestName]: Requests[N]['kind'] extends 'query' ? N : never }[RequestName];

export const requestNames = Object.keys(requests) as RequestName[];

export function isRequestName(name: string): name is RequestName {
  return Object.prototype.hasOwnProperty.call(requests, name);
}
