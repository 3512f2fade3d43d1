package dev.nexus.ctl.output;

import dev.nexus.api.model.ApiObject;
import java.util.function.Function;

/**
 * One column of a table of objects.
 *
 * @param header upper-case header
 * @param value the cell of one object
 * @param wide shown only with {@code -o wide}
 */
public record Column(String header, Function<ApiObject, String> value, boolean wide) {
  public static Column of(String header, Function<ApiObject, String> value) {
    return new Column(header, value, false);
  }

  public static Column wide(String header, Function<ApiObject, String> value) {
    return new Column(header, value, true);
  }
}
