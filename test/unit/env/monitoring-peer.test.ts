// Issue 19, "tests that cannot fail": the monitoring tests skipped silently without Prometheus/Alertmanager.
// In CI a missing peer now fails the test file; here the real PATH is emptied to show it.
import { describe, expect, it } from 'vitest';
import { haveMonitoringStack } from '../../env/prometheus';

describe('the monitoring peer check', () => {
  it('fails in CI when Prometheus and Alertmanager are missing', () => {
    expect(() => haveMonitoringStack({ PATH: '/nonexistent', CI: 'true' })).toThrow(
      /apt-get install -y prometheus prometheus-alertmanager/,
    );
  });

  it('skips, loudly, outside CI when they are missing', () => {
    expect(haveMonitoringStack({ PATH: '/nonexistent' })).toBe(false);
  });

  it('finds them where they are installed (this machine has them)', () => {
    expect(haveMonitoringStack({ ...process.env, CI: 'true' })).toBe(true);
  });
});
