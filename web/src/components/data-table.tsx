import { useId, type ReactNode, type TableHTMLAttributes } from 'react';

interface DataTableProps extends TableHTMLAttributes<HTMLTableElement> {
  /** The table's caption; it names the scroll region too unless `labelledBy` does. */
  caption?: ReactNode;
  captionHidden?: boolean;
  /** The id of a heading that names the scroll region. */
  labelledBy?: string;
  /** A note below the table that describes it. */
  note?: string;
}

/** A data table in a region that scrolls sideways on narrow screens and can be scrolled by keyboard. */
export function DataTable({ caption, captionHidden = false, labelledBy, note, children, ...table }: DataTableProps) {
  const id = useId();
  const captionId = `${id}-caption`;
  const noteId = `${id}-note`;
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy ?? captionId} tabIndex={0}>
      <table className="data-table" aria-describedby={note ? noteId : undefined} {...table}>
        {caption && (
          <caption id={captionId} className={captionHidden ? 'visually-hidden' : undefined}>
            {caption}
          </caption>
        )}
        {children}
      </table>
      {note && (
        <p id={noteId} className="caption-note">
          {note}
        </p>
      )}
    </div>
  );
}

/** The row of an empty table that says why it is empty. */
export function EmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className="empty">
        {children}
      </td>
    </tr>
  );
}
