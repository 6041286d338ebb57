import type { ReactNode } from 'react';
import { Button } from './Button';
import { cx } from './cx';
import type { Tone } from './tone';

export type ToastItem = {
  id: string;
  tone?: Tone;
  title?: ReactNode;
  message: ReactNode;
};

export type ToastRegionProps = {
  toasts: ReadonlyArray<ToastItem>;
  onDismiss?: (id: string) => void;
  /** Accessible label for each toast's × button; the button is omitted without it. */
  dismissLabel?: string;
};

/**
 * Presentational toast stack (bottom-right). Keep it mounted at all times so the
 * polite live region announces new toasts; danger toasts use role="alert".
 */
export function ToastRegion({ toasts, onDismiss, dismissLabel }: ToastRegionProps) {
  return (
    <div className="cf-toast-region" aria-live="polite" aria-relevant="additions text">
      {toasts.map(({ id, tone = 'neutral', title, message }) => (
        <div key={id} className={cx('cf-toast', `cf-toast-${tone}`)} role={tone === 'danger' ? 'alert' : undefined}>
          <div className="cf-toast-body">
            {title ? <p className="cf-toast-title">{title}</p> : null}
            <div>{message}</div>
          </div>
          {onDismiss && dismissLabel ? (
            <Button variant="ghost" size="sm" aria-label={dismissLabel} onClick={() => onDismiss(id)}>
              <span aria-hidden="true">×</span>
            </Button>
          ) : null}
        </div>
      ))}
    </div>
  );
}
