import type { ReactNode } from 'react';
import { cx } from './cx';

export type CardProps = {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  /** Heading level for the title (default 2). */
  titleLevel?: 2 | 3;
  /** Remove body padding, e.g. for an edge-to-edge table. */
  flush?: boolean;
  className?: string;
};

export function Card({ title, description, actions, children, titleLevel = 2, flush, className }: CardProps) {
  const Heading = titleLevel === 3 ? 'h3' : 'h2';
  const hasHeader = Boolean(title || description || actions);
  return (
    <section className={cx('cf-card', flush && 'cf-card-flush', className)}>
      {hasHeader ? (
        <div className="cf-card-header">
          <div className="cf-card-heading">
            {title ? <Heading className="cf-card-title">{title}</Heading> : null}
            {description ? <p className="cf-card-description">{description}</p> : null}
          </div>
          {actions ? <div className="cf-card-actions">{actions}</div> : null}
        </div>
      ) : null}
      {children}
    </section>
  );
}
