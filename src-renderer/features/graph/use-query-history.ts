import { useCallback, useState } from 'react';

const KEY = 'orc.cypherHistory';
const MAX = 20;

function load(): string[] {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, MAX) : [];
  } catch {
    return [];
  }
}

/** The last queries run in the console, newest first, kept for the session. */
export function useQueryHistory(): { history: string[]; remember: (cypher: string) => void } {
  const [history, setHistory] = useState<string[]>(load);
  const remember = useCallback((cypher: string) => {
    setHistory((list) => {
      const next = [cypher, ...list.filter((c) => c !== cypher)].slice(0, MAX);
      sessionStorage.setItem(KEY, JSON.stringify(next));
      return next;
    });
  }, []);
  return { history, remember };
}
