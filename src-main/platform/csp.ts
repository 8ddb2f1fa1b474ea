/**
 * The one Content-Security-Policy of the UI; `connectSources` adds what the
 * transport needs beyond 'self' (the served mode's WebSocket origins).
 */
export function contentSecurityPolicy(connectSources: readonly string[] = [], scriptSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptSources].join(' '),
    // The lineage view lays out large graphs in a module worker bundled beside the page.
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    ["connect-src 'self'", ...connectSources].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The served mode's policy: its WebSocket lives on the same loopback port. */
export function servedContentSecurityPolicy(port: number): string {
  return contentSecurityPolicy([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]);
}
