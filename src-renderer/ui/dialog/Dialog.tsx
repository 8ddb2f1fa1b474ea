import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useFocusTrap } from './use-focus-trap';
import { useEscape } from './use-escape';

export interface DialogProps {
  title: string;
  /** One muted line under the title. */
  subtitle?: string | undefined;
  onClose: () => void;
  children: ReactNode;
  /** Buttons at the bottom right. */
  footer?: ReactNode;
  wide?: boolean;
}

/** A modal dialog: Escape or the backdrop closes it, Tab stays inside, focus returns where it was. */
export function Dialog({ title, subtitle, onClose, children, footer, wide = false }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useFocusTrap(ref);
  useEscape(onClose);
  // Focus moves into the dialog (its first field, else the dialog itself) unless something inside already has it.
  useEffect(() => {
    const root = ref.current;
    if (root === null || root.contains(document.activeElement)) return;
    const first = root.querySelector<HTMLElement>('.dialog-body input:not([disabled]), .dialog-body textarea, .dialog-body select');
    (first ?? root).focus();
  }, []);
  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={ref}
        className={`dialog${wide ? ' dialog-wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
      >
        <div className="dialog-head">
          <h2 id={titleId}>{title}</h2>
          {subtitle !== undefined ? <p className="muted">{subtitle}</p> : null}
          <button type="button" className="icon-button dialog-close" aria-label="Close" onClick={onClose}>
            <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
              <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
            </svg>
          </button>
        </div>
        <div className="dialog-body">{children}</div>
        {footer !== undefined ? <div className="dialog-foot">{footer}</div> : null}
      </div>
    </div>
  );
}
