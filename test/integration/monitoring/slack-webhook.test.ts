import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_FILE_NAME, CREDENTIALS_FILE_NAME } from '../../../src-main/engine/create-engine';
import { startSlackReceiver, type SlackReceiver } from '../../env/slack-receiver';
import { startMonitoringEngine, type MonitoringEngine } from './monitoring-engine';

interface Posted {
  text: string;
  blocks: Array<{ type: string; text?: { text: string }; fields?: Array<{ text: string }>; elements?: Array<{ text: string }> }>;
}

describe('Slack incident summaries through an incoming webhook', () => {
  let engine: MonitoringEngine;
  let slack: SlackReceiver;
  beforeAll(async () => {
    engine = await startMonitoringEngine();
    slack = await startSlackReceiver();
  });
  afterAll(async () => {
    await engine.close();
    await slack.close();
  });

  it('refuses to send before a webhook is configured', async () => {
    await expect(engine.call('slack.test', { envId: 'ops' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('No Slack webhook'),
    });
    expect(slack.posts).toHaveLength(0);
  });

  it('keeps the webhook in the vault, encrypted: the UI only learns it is configured', async () => {
    const saved = await engine.call('monitoring.save', { envId: 'ops', slackWebhookUrl: slack.url });
    expect(saved.slack).toEqual({ configured: true });
    expect(JSON.stringify(saved)).not.toContain('testsecret');
    expect(JSON.stringify(await engine.call('monitoring.settings', { envId: 'ops' }))).not.toContain('testsecret');
    expect(readFileSync(join(engine.dataDir, CREDENTIALS_FILE_NAME), 'utf8')).not.toContain('testsecret');
    expect(readFileSync(join(engine.dataDir, CACHE_FILE_NAME)).includes('testsecret')).toBe(false);
    // Saving other settings without the field keeps the stored webhook.
    await engine.call('monitoring.save', { envId: 'ops', prometheusUrl: 'http://127.0.0.1:9090' });
    expect((await engine.call('monitoring.settings', { envId: 'ops' })).slack.configured).toBe(true);
  });

  it('posts a test message', async () => {
    const delivery = await engine.call('slack.test', { envId: 'ops' });
    expect(delivery.link).toBe('orc://open/#/environment?env=ops');
    const post = slack.posts.at(-1);
    expect(post?.contentType).toBe('application/json');
    expect((JSON.parse(post?.body ?? '{}') as Posted).text).toBe('ORC AI Desk can post to this channel for Ops &lt;prod&gt; &amp; co.');
  });

  it('sends environment, DAG, task, error and a deep link, with Airflow text escaped and bounded', async () => {
    const hostile = 'Traceback <!channel> & <https://evil.example|click> ```break``` ' + 'x'.repeat(5_000);
    const delivery = await engine.call('slack.sendIncidentSummary', {
      envId: 'ops',
      title: 'load_orders keeps failing <!here>',
      dagId: 'etl_<orders>',
      runId: 'scheduled__2025-06-01T00:00:00+00:00',
      taskId: 'load&go',
      error: hostile,
    });
    expect(delivery.link).toBe(
      'orc://open/#/task?env=ops&dag=etl_%3Corders%3E&run=scheduled__2025-06-01T00%3A00%3A00%2B00%3A00&task=load%26go',
    );
    const body = slack.posts.at(-1)?.body ?? '';
    const posted = JSON.parse(body) as Posted;
    const all = JSON.stringify(posted);
    expect(all).not.toMatch(/<!channel>|<!here>|<https:\/\/evil/);
    expect(all).toContain('&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;');
    expect(posted.text).toBe('[Ops &lt;prod&gt; &amp; co] load_orders keeps failing &lt;!here&gt; in etl_&lt;orders&gt;.load&amp;go');
    const fields = posted.blocks[1]?.fields?.map((f) => f.text) ?? [];
    expect(fields).toEqual([
      '*Environment*\nOps &lt;prod&gt; &amp; co',
      '*DAG*\n`etl_&lt;orders&gt;`',
      '*Run*\n`scheduled__2025-06-01T00:00:00+00:00`',
      '*Task*\n`load&amp;go`',
    ]);
    const error = posted.blocks[2]?.text?.text ?? '';
    expect(error.length).toBeLessThan(2_000);
    expect(error).toMatch(/…```$/);
    // Backticks inside the error cannot close the code block early.
    expect(error.slice(3 + '*Error*\n'.length, -3)).not.toContain('`');
    expect(posted.blocks.at(-1)?.elements?.[0]?.text).toContain('<orc://open/#/task?env=ops&amp;dag=etl_%3Corders%3E');
  });

  it("explains Slack's refusal of a revoked webhook", async () => {
    slack.failNext({ status: 404, body: 'no_service' });
    await expect(engine.call('slack.test', { envId: 'ops' })).rejects.toMatchObject({
      code: 'unavailable',
      message: 'Slack refused the message (HTTP 404: no_service).',
      hint: expect.stringContaining('revoked'),
    });
  });

  it('forgets the webhook when asked, and with its environment', async () => {
    await engine.call('monitoring.save', { envId: 'ops', slackWebhookUrl: null });
    expect((await engine.call('monitoring.settings', { envId: 'ops' })).slack.configured).toBe(false);
    await engine.call('monitoring.save', { envId: 'ops', slackWebhookUrl: slack.url });
    await engine.call('envs.remove', { envId: 'ops' });
    expect(readFileSync(join(engine.dataDir, CREDENTIALS_FILE_NAME), 'utf8')).not.toContain('slack:ops');
  });
});
