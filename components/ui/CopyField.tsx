'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button } from './Button';

export type CopyFieldProps = {
  /** The secret/value to show and copy. */
  value: string;
  /** Visible label for the read-only box. */
  label: ReactNode;
  copyLabel: string;
  /** Shown on the button and announced politely after a successful copy. */
  copiedLabel: string;
  hint?: ReactNode;
  id?: string;
  onCopy?: () => void;
};

/** Monospace read-only value with a Copy button (navigator.clipboard; falls back to selecting the text). */
export function CopyField({ value, label, copyLabel, copiedLabel, hint, id, onCopy }: CopyFieldProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const hintId = `${inputId}-hint`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      onCopy?.();
    } catch {
      // Clipboard unavailable (insecure context / denied): select so the user can copy manually.
      inputRef.current?.focus();
      inputRef.current?.select();
    }
  }

  return (
    <div className="cf-field">
      <label className="cf-label" htmlFor={inputId}>
        {label}
      </label>
      <div className="cf-copy">
        <input
          ref={inputRef}
          id={inputId}
          className="cf-input"
          value={value}
          readOnly
          spellCheck={false}
          autoComplete="off"
          aria-describedby={hint ? hintId : undefined}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button variant="secondary" onClick={copy}>
          {copied ? copiedLabel : copyLabel}
        </Button>
      </div>
      {hint ? (
        <p id={hintId} className="cf-hint">
          {hint}
        </p>
      ) : null}
      <span className="cf-sr-only" role="status" aria-live="polite">
        {copied ? copiedLabel : ''}
      </span>
    </div>
  );
}
