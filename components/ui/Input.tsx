import type { ComponentPropsWithRef } from 'react';
import { cx } from './cx';

export type InputProps = ComponentPropsWithRef<'input'>;

/** Styled native <input>; all native props and `ref` are forwarded. */
export function Input({ className, ...rest }: InputProps) {
  return <input {...rest} className={cx('cf-input', className)} />;
}

export type TextareaProps = ComponentPropsWithRef<'textarea'>;

/** Styled native <textarea>; all native props and `ref` are forwarded. */
export function Textarea({ className, ...rest }: TextareaProps) {
  return <textarea {...rest} className={cx('cf-input', className)} />;
}
