import { cloneElement, isValidElement, type ReactNode } from 'react';
import { cx } from './cx';

export type FieldProps = {
  label: ReactNode;
  /** id of the control; the label's htmlFor. Hint/error ids derive from it. */
  htmlFor: string;
  hint?: ReactNode;
  error?: ReactNode;
  /** Shows a decorative required marker; still set `required` on the control. */
  required?: boolean;
  /** A single control element (Input, Select, textarea…). */
  children: ReactNode;
  className?: string;
};

type DescribableProps = {
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true' | 'false' | 'grammar' | 'spelling';
};

export function fieldHintId(htmlFor: string): string {
  return `${htmlFor}-hint`;
}

export function fieldErrorId(htmlFor: string): string {
  return `${htmlFor}-error`;
}

/**
 * Label + control + hint + error. If `children` is a single element, it receives
 * aria-describedby (hint/error ids) and aria-invalid when there is an error.
 */
export function Field({ label, htmlFor, hint, error, required, children, className }: FieldProps) {
  const hintId = hint ? fieldHintId(htmlFor) : undefined;
  const errorId = error ? fieldErrorId(htmlFor) : undefined;

  let control = children;
  if (isValidElement<DescribableProps>(children)) {
    const own = children.props['aria-describedby'];
    const describedBy = cx(own, hintId, errorId) || undefined;
    control = cloneElement(children, {
      'aria-describedby': describedBy,
      'aria-invalid': error ? true : children.props['aria-invalid'],
    });
  }

  return (
    <div className={cx('cf-field', className)}>
      <label className="cf-label" htmlFor={htmlFor}>
        {label}
        {required ? (
          <span className="cf-required" aria-hidden="true">
            *
          </span>
        ) : null}
      </label>
      {control}
      {hint ? (
        <p id={hintId} className="cf-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="cf-field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
