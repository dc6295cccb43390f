import type { ComponentChild } from 'preact';

/** One column: its header, how a row's cell is drawn, and whether it holds figures (right-aligned). */
export interface TableColumn<Row> {
  id: string;
  header: string;
  render(row: Row): ComponentChild;
  isNumeric?: boolean;
}

export interface DataTableProps<Row> {
  /** Read by screen readers as the table's name; shown above it. */
  caption: string;
  columns: ReadonlyArray<TableColumn<Row>>;
  rows: readonly Row[];
  getRowKey(row: Row): string;
  /** Marks one row as selected (`aria-selected` is for grids, so the row says it in a class and text). */
  selectedKey?: string;
  empty?: string;
  /** A click anywhere on a row (a pointer convenience: the row must also hold a link or button for keyboards). */
  onRowClick?(row: Row): void;
}

/**
 * A plain table with a caption and column headers. On a phone each row becomes a card whose cells are
 * labelled by their header (the `data-label` shown by CSS), so nothing scrolls sideways.
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { caption, columns, rows, getRowKey, selectedKey, empty, onRowClick } = props;
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column.id} class={column.isNumeric ? 'is-numeric' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} class="table-empty">
                {empty ?? 'Nothing yet.'}
              </td>
            </tr>
          ) : (
            rows.map((row) => {
              const key = getRowKey(row);
              return (
                <tr
                  key={key}
                  class={
                    [key === selectedKey ? 'is-selected' : '', onRowClick ? 'is-clickable' : '']
                      .join(' ')
                      .trim() || undefined
                  }
                  onClick={onRowClick ? () => onRowClick(row) : undefined}
                >
                  {columns.map((column) => (
                    <td
                      key={column.id}
                      data-label={column.header}
                      class={column.isNumeric ? 'is-numeric' : undefined}
                    >
                      {column.render(row)}
                    </td>
                  ))}
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </div>
  );
}
