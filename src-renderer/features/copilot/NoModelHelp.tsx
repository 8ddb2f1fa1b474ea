/** What to do when no model is loaded: which GGUF to get for which machine. Everything else in the app works without one. */
export function NoModelHelp({ suggestedDir }: { suggestedDir: string }) {
  return (
    <div className="copilot-no-model" role="note">
      <h2>No model loaded</h2>
      <p>
        The copilot runs a language model on this machine; nothing leaves it. The app never downloads models: put a GGUF file (an
        instruction-tuned chat model) in a folder, for example <code>{suggestedDir}</code>, choose that folder here, and load it. Every
        other page works without a model.
      </p>
      <table className="copilot-sizes">
        <thead>
          <tr>
            <th>Machine</th>
            <th>Model size</th>
            <th>File (Q4_K_M)</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>Laptop, 8 GB RAM, no GPU</td>
            <td>0.3–1.5 B parameters</td>
            <td>0.3–1 GB</td>
          </tr>
          <tr>
            <td>16 GB RAM, or Apple Silicon</td>
            <td>3–4 B</td>
            <td>2–2.5 GB</td>
          </tr>
          <tr>
            <td>GPU with 8–12 GB (CUDA, Vulkan)</td>
            <td>7–8 B</td>
            <td>4.5–5 GB</td>
          </tr>
          <tr>
            <td>GPU with 24 GB or more</td>
            <td>14 B and up</td>
            <td>9 GB +</td>
          </tr>
        </tbody>
      </table>
      <p className="copilot-muted">
        Smaller models answer faster but pick tools less well; tool calls stay well-formed either way (they are grammar-constrained).
      </p>
    </div>
  );
}
