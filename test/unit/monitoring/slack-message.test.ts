import { describe, expect, it } from 'vitest';
import { deepLink } from '../../../src-main/services/slack/deep-link';
import { incidentMessage } from '../../../src-main/services/slack/incident-message';
import { escapeMrkdwn, truncate, untrusted } from '../../../src-main/services/slack/slack-mrkdwn';

describe('Slack mrkdwn for Airflow text', () => {
  it('escapes the three control characters and never cuts an entity in half', () => {
    expect(escapeMrkdwn('<!channel> & <http://x|y>')).toBe('&lt;!channel&gt; &amp; &lt;http://x|y&gt;');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(untrusted('&&&&&&', 4)).toBe('&amp;&amp;&amp;…');
    expect(truncate('😀😀😀', 2)).toBe('😀…');
  });

  it('links to the most specific view', () => {
    expect(deepLink({ envId: 'prod' })).toBe('orc://open/#/environment?env=prod');
    expect(deepLink({ envId: 'prod', dagId: 'd' })).toBe('orc://open/#/dag?env=prod&dag=d');
    expect(deepLink({ envId: 'prod', dagId: 'd', taskId: 't' })).toBe('orc://open/#/dag?env=prod&dag=d');
  });

  it('leaves out the error block when there is no error', () => {
    const m = incidentMessage({ envId: 'prod', title: 'Late', dagId: 'd' }, 'Prod', 'orc://open/#/dag?env=prod&dag=d');
    expect(m.blocks).toHaveLength(3);
    expect(m.text).toBe('[Prod] Late in d');
  });
});
