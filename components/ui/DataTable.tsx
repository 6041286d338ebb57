'use client';

import type { ReactNode } from 'react';
import { Button } from './Button';
import { cx } from './cx';

export type DataTableColumn<T> = {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Right-aligned columns also get tabular numerals (use for money). */
  align?: 'left' | 'right';
};

export type DataTablePagination = {
  /** 1-based current page. */
  page: number;
  pageCount: number;
  onPageChange: (page: number) => void;
  labels: {
    previous: string;
    next: string;
    pageOf: (page: number, count: number) => string;
  };
};

export type DataTableProps<T> = {
  columns: ReadonlyArray<DataTableColumn<T>>;
  rows: ReadonlyArray<T>;
  rowKey: (row: T, index: number) => string | number;
  /** Rendered in a full-width row when `rows` is empty (e.g. an <EmptyState/>). */
  empty?: ReactNode;
  /** Accessible table caption (visually hidden). */
  caption?: ReactNode;
  /** Footer with previous/next buttons; shown only when pageCount > 1. */
  pagination?: DataTablePagination;
  className?: string;
};

export function DataTable<T>({ columns, rows, rowKey, empty, caption, pagination, className }: DataTableProps<T>) {
  const alignClass = (align: DataTableColumn<T>['align']) => (align === 'right' ? 'cf-align-right' : undefined);

  return (
    // A wide table scrolls sideways inside its wrapper: keyboard users reach the scroll through focus (axe scrollable-region-focusable).
    <div className={cx('cf-table-wrap', className)} tabIndex={0} {...(typeof caption === 'string' ? { role: 'region', 'aria-label': caption } : {})}>
      <table className="cf-table">
        {caption ? <caption className="cf-sr-only">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((col) => (
              <th key={col.key} scope="col" className={alignClass(col.align)}>
                {col.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr className="cf-table-empty">
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          ) : (
            rows.map((row, index) => (
              <tr key={rowKey(row, index)}>
                {columns.map((col) => (
                  <td key={col.key} className={alignClass(col.align)}>
                    {col.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
      {pagination && pagination.pageCount > 1 ? <Pagination {...pagination} /> : null}
    </div>
  );
}

function Pagination({ page, pageCount, onPageChange, labels }: DataTablePagination) {
  return (
    <div className="cf-pagination">
      <span className="cf-num" aria-live="polite">
        {labels.pageOf(page, pageCount)}
      </span>
      <div className="cf-pagination-buttons">
        <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
          {labels.previous}
        </Button>
        <Button variant="secondary" size="sm" disabled={page >= pageCount} onClick={() => onPageChange(page + 1)}>
          {labels.next}
        </Button>
      </div>
    </div>
  );
}
