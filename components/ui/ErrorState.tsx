import type { ReactNode } from 'react';
import { Button } from './Button';
import { cx } from './cx';

export type ErrorStateProps = {
  title: ReactNode;
  message?: ReactNode;
  /** When given (together with retryLabel) a retry button is shown. */
  onRetry?: () => void;
  retryLabel?: ReactNode;
  retrying?: boolean;
  className?: string;
};

export function ErrorState({ title, message, onRetry, retryLabel, retrying, className }: ErrorStateProps) {
  return (
    <div className={cx('cf-state', 'cf-state-error', className)} role="alert">
      <p className="cf-state-title">{title}</p>
      {message ? <p className="cf-state-description">{message}</p> : null}
      {onRetry && retryLabel ? (
        <Button variant="secondary" onClick={onRetry} loading={retrying}>
          {retryLabel}
        </Button>
      ) : null}
    </div>
  );
}
