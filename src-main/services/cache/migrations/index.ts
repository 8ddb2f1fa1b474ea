import { sql as initial } from './001-initial';
import { sql as triage } from './002-triage';

export interface Migration {
  readonly id: number;
  readonly name: string;
  readonly sql: string;
}

/** Numbered, append-only. Never edit an applied migration: add the next one. */
export const migrations: readonly Migration[] = [
  { id: 1, name: 'initial', sql: initial },
  { id: 2, name: 'triage', sql: triage },
];
