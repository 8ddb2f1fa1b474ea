import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../src-renderer/platform/time/format-duration';
import { formatAbsolute, formatRelative } from '../../../src-renderer/platform/time/format-relative';

const now = Date.parse('2025-06-02T12:00:00Z');

describe('formatRelative', () => {
  it('speaks in minutes, hours and days', () => {
    expect(formatRelative(now - 20_000, now)).toBe('just now');
    expect(formatRelative(now - 14 * 60_000, now)).toBe('14 min ago');
    expect(formatRelative(now - 3 * 3_600_000, now)).toBe('3 h ago');
    expect(formatRelative(now - 2 * 86_400_000, now)).toBe('2 d ago');
    expect(formatRelative(now + 5 * 60_000, now)).toBe('in 5 min');
  });
});

describe('formatAbsolute', () => {
  it('prints UTC and leaves unparsable text alone', () => {
    expect(formatAbsolute('2025-06-02T09:30:12.345Z')).toBe('2025-06-02 09:30:12 UTC');
    expect(formatAbsolute('garbage')).toBe('garbage');
  });
});

describe('formatDuration', () => {
  it('picks a readable unit', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(0.25)).toBe('250 ms');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(192)).toBe('3 m 12 s');
    expect(formatDuration(3720)).toBe('1 h 02 m');
    expect(formatDuration(3 * 86_400)).toBe('3 d 0 h');
  });
});
