import type { Claim } from './claim-extract';

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Dates with T or a space read alike; case is ignored for ids. */
function normalized(text: string): string {
  return text.replace(/(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/g, '$1 $2');
}

/**
 * Everything one turn looked at (tool results, the failure brief, the environment's time), searchable for the
 * claims of its answer. Matching is exact text, never "close enough": a claim either appears in what the turn
 * read or it is not found in the data.
 */
export class Evidence {
  private readonly text: string;
  private readonly lower: string;

  constructor(parts: readonly string[]) {
    this.text = normalized(parts.join('\n'));
    this.lower = this.text.toLowerCase();
  }

  /** Whether `id` occurs as a whole id (not inside a longer one); case-insensitive. */
  private hasId(id: string): boolean {
    return new RegExp(`(^|[^A-Za-z0-9_])${escapeRe(id.toLowerCase())}($|[^A-Za-z0-9_])`).test(this.lower);
  }

  private hasNumber(n: string): boolean {
    // A number standing alone (a count, "tries=3"), not a piece of a time, an id or a version.
    return new RegExp(`(^|[\\s=(\\[,;"'])${escapeRe(n)}($|[\\s,;)\\]"'%]|\\.(?!\\d))`).test(this.text);
  }

  /** An amount with its unit ("1.5 GB", "35 %", "35 percent"), found with the same number and unit in the data. */
  private hasQuantity(q: string): boolean {
    const m = /^(\d+(?:[.,]\d+)?)\s?(.+)$/.exec(q);
    if (m === null || m[1] === undefined || m[2] === undefined) return false;
    const unit = m[2].toLowerCase() === 'percent' ? '%' : m[2];
    const units = unit === '%' ? '(?:%|\\s?percent)' : escapeRe(unit.toLowerCase());
    return new RegExp(`(^|[^\\d.])${escapeRe(m[1])}\\s?${units}`).test(this.lower);
  }

  supports(claim: Claim): boolean {
    switch (claim.kind) {
      case 'asset':
      case 'run':
        return this.lower.includes(normalized(claim.text).toLowerCase());
      case 'time': {
        // Down to the minute: "2025-06-01 04:00" matches "2025-06-01T04:00:00+00:00"; a bare date matches that day.
        const minute = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(claim.text);
        const key = minute === null ? claim.text : minute[2] === undefined ? minute[1] : `${minute[1]} ${minute[2]}`;
        return key !== undefined && this.text.includes(key);
      }
      case 'error': {
        const name = claim.text.split('.').pop() ?? claim.text;
        return this.text.includes(name);
      }
      case 'count':
        return this.hasNumber(claim.text);
      case 'quantity':
        return this.hasQuantity(claim.text);
      case 'id':
        // dag.task reads as its two ids when the dotted form itself is not in the data.
        return (
          this.hasId(claim.text) || (claim.text.includes('.') && claim.text.split('.').every((part) => part.length > 0 && this.hasId(part)))
        );
    }
  }
}
