import type { ReactNode } from 'react';
import { cx } from './cx';

export type PageHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  className?: string;
};

export function PageHeader({ title, description, actions, className }: PageHeaderProps) {
  return (
    <header className={cx('cf-page-header', className)}>
      <div className="cf-page-header-text">
        <h1>{title}</h1>
        {description ? <p className="cf-muted">{description}</p> : null}
      </div>
      {actions ? <div className="cf-page-header-actions">{actions}</div> : null}
    </header>
  );
}
