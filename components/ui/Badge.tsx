import type { ReactNode } from 'react';
import { cx } from './cx';
import type { Tone } from './tone';

export type BadgeProps = {
  tone?: Tone;
  children: ReactNode;
  className?: string;
};

export function Badge({ tone = 'neutral', children, className }: BadgeProps) {
  return <span className={cx('cf-badge', `cf-badge-${tone}`, className)}>{children}</span>;
}
