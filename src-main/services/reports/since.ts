const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `24h`, `7d`, `90m` as milliseconds, or null when it is not one. */
export function parseSince(text: string): number | null {
  const m = /^(\d{1,4})([mhd])$/.exec(text.trim());
  if (!m) return null;
  const amount = Number(m[1]);
  if (amount <= 0) return null;
  return amount * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}

/** "24 h", "30 days" for titles. */
export function describeSince(text: string): string {
  const m = /^(\d{1,4})([mhd])$/.exec(text.trim());
  if (!m) return text;
  const n = Number(m[1]);
  return m[2] === 'd' ? `${n} day${n === 1 ? '' : 's'}` : m[2] === 'h' ? `${n} h` : `${n} min`;
}
