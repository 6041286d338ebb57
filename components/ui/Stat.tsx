import type { ReactNode } from 'react';
import { cx } from './cx';

export type StatProps = {
  label: ReactNode;
  value: ReactNode;
  hint?: ReactNode;
  className?: string;
};

export function Stat({ label, value, hint, className }: StatProps) {
  return (
    <div className={cx('cf-stat', className)}>
      <div className="cf-stat-label">{label}</div>
      <div className="cf-stat-value">{value}</div>
      {hint ? <div className="cf-stat-hint">{hint}</div> : null}
    </div>
  );
}
