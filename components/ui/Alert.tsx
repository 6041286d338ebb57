import type { ReactNode } from 'react';
import { cx } from './cx';
import type { Tone } from './tone';

export type AlertProps = {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
};

/** Inline message. Danger alerts use role="alert" (assertive); others role="status" (polite). */
export function Alert({ tone = 'info', title, children, className }: AlertProps) {
  return (
    <div className={cx('cf-alert', `cf-alert-${tone}`, className)} role={tone === 'danger' ? 'alert' : 'status'}>
      {title ? <p className="cf-alert-title">{title}</p> : null}
      {children ? <div>{children}</div> : null}
    </div>
  );
}
