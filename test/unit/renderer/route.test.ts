import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from '../../../src-renderer/platform/routing/route';

describe('hash routes', () => {
  it('parses a view and its params', () => {
    expect(parseRoute('#/runs?dag=etl%20daily&state=failed,running')).toEqual({
      view: 'runs',
      params: { dag: 'etl daily', state: 'failed,running' },
    });
  });

  it('falls back to the overview for empty, unknown or hostile hashes', () => {
    expect(parseRoute('').view).toBe('overview');
    expect(parseRoute('#/nope').view).toBe('overview');
    expect(parseRoute('#/__proto__?x=1').view).toBe('overview');
    expect(parseRoute('#token=abc').view).toBe('overview');
  });

  it('round-trips ids with reserved characters and drops empty params', () => {
    const dag = 'a&b=c?#/d <script>';
    const href = formatRoute('runs', { dag, run: 'manual__2025-01-01T00:00:00+00:00', state: '', x: undefined });
    expect(href.startsWith('#/runs?')).toBe(true);
    expect(parseRoute(href).params).toEqual({ dag, run: 'manual__2025-01-01T00:00:00+00:00' });
  });

  it('formats a bare view', () => {
    expect(formatRoute('settings')).toBe('#/settings');
  });
});
