import type { ReactNode } from 'react';
import { cx } from './cx';

export type EmptyStateProps = {
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  className?: string;
};

export function EmptyState({ title, description, action, className }: EmptyStateProps) {
  return (
    <div className={cx('cf-state', className)}>
      <p className="cf-state-title">{title}</p>
      {description ? <p className="cf-state-description">{description}</p> : null}
      {action ? <div>{action}</div> : null}
    </div>
  );
}
