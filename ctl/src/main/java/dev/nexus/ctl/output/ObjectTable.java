package dev.nexus.ctl.output;

import dev.nexus.api.crd.PrinterColumn;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The table shape of one kind for {@code get}: the kind's columns, with NAMESPACE first when
 * objects of several namespaces are shown and LABELS last with {@code --show-labels}.
 */
public final class ObjectTable {
  private final List<Column> columns = new ArrayList<>();

  public ObjectTable(
      KindInfo kind, boolean wide, boolean withNamespace, boolean showLabels, Instant now) {
    this(kind, List.of(), wide, withNamespace, showLabels, now);
  }

  /**
   * @param printer a custom kind's printer columns (from its CRD), empty for built-in kinds
   */
  public ObjectTable(
      KindInfo kind,
      List<PrinterColumn> printer,
      boolean wide,
      boolean withNamespace,
      boolean showLabels,
      Instant now) {
    if (withNamespace && kind.namespaced()) {
      columns.add(Column.of("NAMESPACE", ApiObject::namespace));
    }
    for (Column c : KindColumns.of(kind, now, printer)) {
      if (wide || !c.wide()) {
        columns.add(c);
      }
    }
    if (showLabels) {
      columns.add(Column.of("LABELS", o -> Fields.labels(o.labels())));
    }
  }

  public List<String> headers() {
    return columns.stream().map(Column::header).toList();
  }

  public List<String> row(ApiObject o) {
    List<String> cells = new ArrayList<>(columns.size());
    for (Column c : columns) {
      String v = c.value().apply(o);
      cells.add(v == null || v.isEmpty() ? Fields.NONE : v);
    }
    return cells;
  }

  /** A table holding {@code objects}. */
  public Table table(List<ApiObject> objects) {
    Table t = new Table(headers());
    objects.forEach(o -> t.add(row(o)));
    return t;
  }

  /** {@code workload.nexus.dev/web}: how {@code -o name} and apply name an object. */
  public static String qualifiedName(KindInfo kind, String name) {
    return qualifiedKind(kind) + "/" + name;
  }

  /** {@code workload.nexus.dev}. */
  public static String qualifiedKind(KindInfo kind) {
    String k = kind.kind().toLowerCase(java.util.Locale.ROOT);
    return kind.group().isEmpty() ? k : k + "." + kind.group();
  }
}
