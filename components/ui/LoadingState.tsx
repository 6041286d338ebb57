import type { ReactNode } from 'react';
import { cx } from './cx';
import { Spinner } from './Spinner';

export type LoadingStateProps = {
  label: ReactNode;
  className?: string;
};

export function LoadingState({ label, className }: LoadingStateProps) {
  return (
    <div className={cx('cf-state', 'cf-state-loading', className)} role="status" aria-live="polite">
      <Spinner />
      <p className="cf-state-description">{label}</p>
    </div>
  );
}
