import type { ComponentPropsWithRef, ReactNode } from 'react';
import { cx } from './cx';

export type CheckboxProps = Omit<ComponentPropsWithRef<'input'>, 'type'> & {
  /** Visible label; the input is wrapped in a <label> so clicking it toggles. */
  label?: ReactNode;
};

/** Native checkbox (native props and `ref` forwarded), optionally wrapped with its label. */
export function Checkbox({ label, className, ...rest }: CheckboxProps) {
  const input = <input {...rest} type="checkbox" className={cx('cf-checkbox-input', className)} />;
  if (label === undefined || label === null) return input;
  return (
    <label className="cf-checkbox">
      {input}
      <span className="cf-checkbox-label">{label}</span>
    </label>
  );
}
