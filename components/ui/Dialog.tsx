'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './Button';
import { cx } from './cx';

export type DialogProps = {
  open: boolean;
  /** Called on Escape, close button, backdrop click, or a <form method="dialog"> submit. */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Action buttons, right-aligned. */
  footer?: ReactNode;
  /** Accessible label for the × close button; the button is omitted without it. */
  closeLabel?: string;
  size?: 'sm' | 'md' | 'lg';
  /** Close when clicking the backdrop (default true). */
  dismissOnBackdrop?: boolean;
  className?: string;
};

/** Modal built on native <dialog>.showModal() (focus trap, Escape, top layer). Content mounts only while open. */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  closeLabel,
  size = 'md',
  dismissOnBackdrop = true,
  className,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const pressedBackdrop = useRef(false);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    else if (!open && el.open) el.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={cx('cf-dialog', size !== 'md' && `cf-dialog-${size}`, className)}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClose={() => {
        if (open) onClose();
      }}
      onPointerDown={(event) => {
        pressedBackdrop.current = event.target === event.currentTarget;
      }}
      onClick={(event) => {
        if (dismissOnBackdrop && pressedBackdrop.current && event.target === event.currentTarget) onClose();
        pressedBackdrop.current = false;
      }}
    >
      {open ? (
        <div className="cf-dialog-inner">
          <div className="cf-dialog-header">
            <div>
              <h2 id={titleId} className="cf-dialog-title">
                {title}
              </h2>
              {description ? (
                <p id={descriptionId} className="cf-dialog-description">
                  {description}
                </p>
              ) : null}
            </div>
            {closeLabel ? (
              <Button variant="ghost" size="sm" className="cf-dialog-close" aria-label={closeLabel} onClick={onClose}>
                <span aria-hidden="true">×</span>
              </Button>
            ) : null}
          </div>
          {children ? <div className="cf-dialog-body">{children}</div> : null}
          {footer ? <div className="cf-dialog-footer">{footer}</div> : null}
        </div>
      ) : null}
    </dialog>
  );
}
