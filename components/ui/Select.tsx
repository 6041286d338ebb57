import type { ComponentPropsWithRef } from 'react';
import { cx } from './cx';

export type SelectProps = ComponentPropsWithRef<'select'>;

/** Styled native <select>; pass <option> children. All native props and `ref` are forwarded. */
export function Select({ className, children, ...rest }: SelectProps) {
  return (
    <select {...rest} className={cx('cf-select', className)}>
      {children}
    </select>
  );
}
