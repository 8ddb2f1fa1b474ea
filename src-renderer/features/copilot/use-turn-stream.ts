import { useEffect, useState } from 'react';
import type { AgentStep, TurnState } from '../../../src-shared/domain/copilot';
import { useApi } from '../../platform/api/api-context';

export interface TurnStream {
  text: string;
  steps: AgentStep[];
  state: TurnState;
}

const EMPTY: TurnStream = { text: '', steps: [], state: 'running' };

/** Tokens and steps of one running answer, as its events arrive. */
export function useTurnStream(turnId: string | null): TurnStream {
  const api = useApi();
  const [stream, setStream] = useState<TurnStream>(EMPTY);
  useEffect(() => {
    setStream(EMPTY);
    if (turnId === null) return undefined;
    const offs = [
      api.on('copilot.token', (e) => {
        if (e.turnId === turnId) setStream((s) => ({ ...s, text: s.text + e.text }));
      }),
      api.on('copilot.step', (e) => {
        if (e.turnId === turnId) setStream((s) => ({ ...s, steps: [...s.steps, e.step] }));
      }),
      api.on('copilot.turn', (e) => {
        if (e.turnId === turnId) setStream((s) => ({ ...s, state: e.state }));
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [api, turnId]);
  return stream;
}
