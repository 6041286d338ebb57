import { cx } from './cx';

export type SpinnerProps = {
  size?: 'sm' | 'md';
  /** Accessible label. Without it the spinner is decorative (aria-hidden). */
  label?: string;
  className?: string;
};

export function Spinner({ size = 'md', label, className }: SpinnerProps) {
  const classes = cx('cf-spinner', size === 'sm' && 'cf-spinner-sm', className);
  if (!label) return <span className={classes} aria-hidden="true" />;
  return (
    <span role="status">
      <span className={classes} aria-hidden="true" />
      <span className="cf-sr-only">{label}</span>
    </span>
  );
}
