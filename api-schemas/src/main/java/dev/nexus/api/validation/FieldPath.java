package dev.nexus.api.validation;

import java.util.regex.Pattern;

/**
 * Renders field paths the way users write them: {@code spec.template.spec.ports[0].containerPort}.
 * A map key that is not a plain identifier (a label such as {@code app.kubernetes.io/name}) is
 * written in brackets, {@code metadata.labels[app.kubernetes.io/name]}, so the path stays readable
 * and unambiguous.
 */
final class FieldPath {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

  private FieldPath() {}

  static String child(String parent, String key) {
    if (!PLAIN.matcher(key).matches()) {
      return parent + "[" + key + "]";
    }
    return parent.isEmpty() ? key : parent + "." + key;
  }

  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
