import { randomBytes } from 'node:crypto';

/** A stable id from the name, unique among `taken`: `prod-eu`, `prod-eu-2`, ... */
export function environmentIdFor(name: string, taken: (id: string) => boolean): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || `env-${randomBytes(3).toString('hex')}`;
  const start = /^[a-z0-9]/.test(base) ? base : `env-${base}`;
  if (!taken(start)) return start;
  for (let n = 2; ; n++) if (!taken(`${start}-${n}`)) return `${start}-${n}`;
}
