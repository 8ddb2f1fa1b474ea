import type { DagParam } from '../../../src-shared/domain/dag-params';
import { FormField } from '../env-settings/FormField';
import { fieldKind } from './trigger-conf-form';

const bounds = (p: DagParam): string | undefined => {
  const s = p.schema;
  const parts = [
    s.type !== undefined ? (Array.isArray(s.type) ? s.type.join(' | ') : s.type) : null,
    s.minimum !== undefined ? `≥ ${s.minimum}` : null,
    s.maximum !== undefined ? `≤ ${s.maximum}` : null,
    s.pattern !== undefined ? `pattern ${s.pattern}` : null,
    s.format !== undefined ? s.format : null,
  ].filter((x) => x !== null);
  const text = [p.description, parts.join(', ')].filter((x) => x !== null && x !== '').join(' · ');
  return text === '' ? undefined : text;
};

/** One declared param of a trigger: a control fit for its schema, its description and bounds, and its error beside it. */
export function ParamField({
  param,
  text,
  error,
  onChange,
}: {
  param: DagParam;
  text: string;
  error: string | undefined;
  onChange: (text: string) => void;
}) {
  const kind = fieldKind(param);
  if (kind === 'boolean') {
    return (
      <div className={`form-field${error !== undefined ? ' has-error' : ''}`}>
        <label className="checkbox">
          <input type="checkbox" checked={text === 'true'} onChange={(e) => onChange(e.target.checked ? 'true' : 'false')} />
          <span className="mono">{param.name}</span>
        </label>
        {error !== undefined ? (
          <span className="field-error">
            {param.name} {error}
          </span>
        ) : null}
        {param.description !== null ? <span className="field-help">{param.description}</span> : null}
      </div>
    );
  }
  return (
    <FormField label={param.name} error={error === undefined ? undefined : `${param.name} ${error}`} help={bounds(param)}>
      {(ids) =>
        kind === 'enum' ? (
          <select
            id={ids.id}
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid}
            value={text}
            onChange={(e) => onChange(e.target.value)}
          >
            {!(param.schema.enum ?? []).some((o) => JSON.stringify(o) === text) ? <option value={text}>{text}</option> : null}
            {(param.schema.enum ?? []).map((o) => {
              const value = JSON.stringify(o) ?? 'null';
              return (
                <option key={value} value={value}>
                  {typeof o === 'string' ? o : value}
                </option>
              );
            })}
          </select>
        ) : (
          <input
            id={ids.id}
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid}
            className={kind === 'json' ? 'mono' : undefined}
            inputMode={kind === 'number' ? 'decimal' : undefined}
            value={text}
            onChange={(e) => onChange(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        )
      }
    </FormField>
  );
}
