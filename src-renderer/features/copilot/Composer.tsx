import { useState, type FormEvent } from 'react';

/** The question box, with Ask, or Stop while an answer is being written. Without a model, the failure brief answers. */
export function Composer({
  briefOnly,
  running,
  onAsk,
  onStop,
}: {
  briefOnly: boolean;
  running: boolean;
  onAsk: (question: string) => void;
  onStop: () => void;
}) {
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const question = text.trim();
    if (question.length === 0 || running) return;
    onAsk(question);
    setText('');
  };
  return (
    <form className="copilot-composer" onSubmit={submit}>
      <textarea
        aria-label="Question"
        value={text}
        maxLength={4000}
        rows={2}
        placeholder={
          briefOnly
            ? 'No model: the failure brief answers. Why did … fail? What is downstream of …?'
            : 'Why did … fail? Which task got slower this week?'
        }
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) submit(e);
        }}
      />
      {running ? (
        <button type="button" className="button button-danger" onClick={onStop}>
          Stop
        </button>
      ) : (
        <button type="submit" className="button button-primary" disabled={text.trim().length === 0}>
          Ask
        </button>
      )}
    </form>
  );
}
