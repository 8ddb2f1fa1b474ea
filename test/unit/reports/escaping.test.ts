import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from '../../../src-main/services/reports/html-escape';
import { escapeMarkdown, markdownCodeBlock, unescapeMarkdown } from '../../../src-main/services/reports/markdown-escape';
import { renderHtml } from '../../../src-main/services/reports/render-html';
import { renderMarkdown } from '../../../src-main/services/reports/render-markdown';
import { hostileModel, HOSTILE } from './hostile-model';

const ALLOWED_TAGS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'main',
  'header',
  'div',
  'h1',
  'h2',
  'h3',
  'span',
  'b',
  'br',
  'p',
  'section',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'code',
  'pre',
  'dl',
  'dt',
  'dd',
  'i',
  'footer',
  'svg',
  'g',
  'line',
  'text',
  'path',
  'circle',
]);

/** Every tag in the document and its attribute names; escaped text has no "<", so text can never add one. */
function tagsOf(doc: string): { tag: string; attrs: string[] }[] {
  return [...doc.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-:]+(?:="[^"]*")?)*)\s*\/?>/g)].map((m) => ({
    tag: (m[1] ?? '').toLowerCase(),
    attrs: [...(m[2] ?? '').matchAll(/\s+([a-zA-Z-:]+)(?:="[^"]*")?/g)].map((a) => (a[1] ?? '').toLowerCase()),
  }));
}

describe('HTML escaping', () => {
  it('escapes markup, quotes and backticks, and drops control characters', () => {
    expect(escapeHtml(`<img src=x onerror=alert(1)>`)).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml(`</script><script>alert(1)</script>`)).not.toMatch(/[<>]/);
    expect(escapeHtml(`" onmouseover="alert(1)`)).toBe('&quot; onmouseover=&quot;alert(1)');
    expect(escapeHtml("`x` 'y' & z\u0007")).toBe('&#96;x&#96; &#39;y&#39; &amp; z');
    expect(html`<a title="${'"><b>'}">${'<i>'}</a>`.value).toBe('<a title="&quot;&gt;&lt;b&gt;">&lt;i&gt;</a>');
  });

  it('renders a report with hostile DAG ids, log lines, notes and answers as text only, with a strict CSP and nothing external', () => {
    const doc = renderHtml(hostileModel());
    const tags = tagsOf(doc);
    expect(tags.length).toBeGreaterThan(50);
    expect(tags.filter((t) => !ALLOWED_TAGS.has(t.tag)).map((t) => t.tag)).toEqual([]);
    expect(
      tags
        .flatMap((t) => t.attrs)
        .filter((a) => a.startsWith('on') || ['src', 'href', 'srcset', 'action', 'formaction', 'xlink:href', 'background'].includes(a)),
    ).toEqual([]);
    expect(doc).not.toMatch(/<script/i);
    expect(/<style>([\s\S]*?)<\/style>/.exec(doc)?.[1]).not.toMatch(/@import|url\(|https?:/i);
    expect(tags.filter((t) => t.attrs.includes('style')).length).toBeGreaterThan(0);
    expect(doc).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(doc).toContain('&lt;/script&gt;');
    expect(doc).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:;/,
    );
    // The only </style> is ours, and the style sheet holds no Airflow text.
    expect(doc.match(/<\/style>/g)).toHaveLength(1);
  });
});

describe('Markdown escaping', () => {
  it('escapes every character that could start a link, image, emphasis, HTML or a code span, and reverses exactly', () => {
    for (const text of HOSTILE) {
      const escaped = escapeMarkdown(text);
      expect(escaped).not.toMatch(/(^|[^\\])[[\]<>`*_|~&#@$]/);
      expect(unescapeMarkdown(escaped)).toBe(text.replace(/\r?\n/g, ' '));
    }
    expect(escapeMarkdown('[click](javascript:alert(1))')).toBe('\\[click\\](javascript:alert(1))');
    expect(escapeMarkdown('![x](http://evil.example/x.png)')).toBe('!\\[x\\](http\\://evil.example/x.png)');
    expect(escapeMarkdown('see www.evil.example or mail ops@corp.example about #12')).toBe(
      'see www\\.evil.example or mail ops\\@corp.example about \\#12',
    );
  });

  it('leaves dates, times, sizes and sentences readable, and escapes block syntax only at the start of a line', () => {
    const plain = 'failed 2026-12-06 04:00 (3 runs, 1.5 s); retry? yes: "ok", it\'s 50% + 2 = done!';
    expect(escapeMarkdown(plain)).toBe(plain);
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('+ item')).toBe('\\+ item');
    expect(escapeMarkdown('===')).toBe('\\===');
    expect(escapeMarkdown('0.4% of runs, -3 rows, 12.5 s')).toBe('0.4% of runs, -3 rows, 12.5 s');
    expect(escapeMarkdown('12. step')).toBe('12\\. step');
    expect(escapeMarkdown('3) step')).toBe('3\\) step');
    for (const text of ['- item', '12. step', 'a\\-b', 'C:\\dir\\*x*', '`x`']) expect(unescapeMarkdown(escapeMarkdown(text))).toBe(text);
  });

  it('fences code with more backticks than the text holds, so a log line cannot close the block', () => {
    const block = markdownCodeBlock('before\n```\n</script>\n`````\nafter');
    const fence = block.split('\n')[0]?.replace(/text$/, '') ?? '';
    expect(fence).toBe('``````');
    expect(block.endsWith(`\n${fence}`)).toBe(true);
    expect(
      block
        .split('\n')
        .slice(1, -1)
        .some((line) => line.startsWith(fence)),
    ).toBe(false);
  });

  it('renders a hostile report without live links, images or HTML', () => {
    const md = renderMarkdown(hostileModel());
    const outsideFences = md.replace(/^(`{3,})text\n[\s\S]*?\n\1$/gm, '');
    expect(outsideFences).not.toMatch(/(^|[^\\])\]\(/m);
    expect(outsideFences).not.toMatch(/(^|[^\\])</m);
    expect(outsideFences).not.toMatch(/(^|[^\\])`/m);
    expect(md).toContain('\\<img src=x onerror=alert(1)\\>');
  });
});
