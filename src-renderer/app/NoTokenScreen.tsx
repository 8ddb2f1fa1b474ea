/** Served mode opened without the per-launch token. */
export function NoTokenScreen() {
  return (
    <main className="no-token" aria-labelledby="no-token-title">
      <div className="no-token-card">
        <h1 id="no-token-title">Open the URL printed by npm run serve</h1>
        <p>
          This page talks to a local ORC AI Desk server that only answers requests carrying the token it printed when it started. Copy the
          whole address from that terminal, including the part after <code>#token=</code>, and open it here.
        </p>
        <pre className="mono">{'$ npm run serve\n…\n  Open:  http://127.0.0.1:PORT/#token=…'}</pre>
        <p className="muted">The token is removed from the address bar once read and kept only for this tab.</p>
      </div>
    </main>
  );
}
