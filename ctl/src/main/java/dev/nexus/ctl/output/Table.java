package dev.nexus.ctl.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A text table aligned like kubectl's: upper-case headers, columns padded to their widest cell and
 * separated by three spaces, no padding after the last column.
 */
public final class Table {
  private static final int GAP = 3;
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  public Table(List<String> headers) {
    this.headers = List.copyOf(headers);
  }

  public Table add(List<String> row) {
    if (row.size() != headers.size()) {
      throw new IllegalArgumentException(
          "row has " + row.size() + " cells, table has " + headers.size() + " columns");
    }
    rows.add(List.copyOf(row));
    return this;
  }

  public List<String> headers() {
    return headers;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** Column widths over the headers and every row so far. */
  public int[] widths() {
    int[] w = new int[headers.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = headers.get(i).length();
    }
    for (List<String> row : rows) {
      for (int i = 0; i < w.length; i++) {
        w[i] = Math.max(w[i], row.get(i).length());
      }
    }
    return w;
  }

  /** Headers and rows, one line each, each ending with a newline. */
  public String render(boolean withHeaders) {
    int[] w = widths();
    StringBuilder out = new StringBuilder();
    if (withHeaders) {
      out.append(line(headers, w)).append('\n');
    }
    for (List<String> row : rows) {
      out.append(line(row, w)).append('\n');
    }
    return out.toString();
  }

  /** One row padded to {@code widths} (a cell wider than its column just pushes the rest). */
  public static String line(List<String> cells, int[] widths) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      b.append(cell);
      if (i < cells.size() - 1) {
        int pad = Math.max(widths[i], cell.length()) - cell.length() + GAP;
        b.repeat(' ', pad);
      }
    }
    return b.toString();
  }
}
