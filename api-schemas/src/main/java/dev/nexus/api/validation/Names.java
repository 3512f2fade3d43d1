package dev.nexus.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.error.Status;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Name and label rules, as in Kubernetes. Each {@code *Violation} method returns the first rule a
 * value breaks, phrased to follow a field path ({@code metadata.name: must be at most 253
 * characters}), or empty when the value is fine.
 *
 * <ul>
 *   <li>Object names are DNS-1123 subdomains: lowercase letters, digits, '-' and '.', each
 *       dot-separated part starting and ending with a letter or digit, at most 253 characters.
 *       Namespace names are DNS-1123 labels (no '.', at most 63); Service names are DNS-1035 labels
 *       (also starting with a letter) because they become DNS names.
 *   <li>Label and annotation keys are qualified names: an optional DNS subdomain prefix and '/',
 *       then at most 63 letters, digits, '-', '_' and '.', starting and ending alphanumeric. Label
 *       values follow the same rule and may be empty.
 * </ul>
 */
public final class Names {
  public static final int SUBDOMAIN_MAX = 253;
  public static final int LABEL_MAX = 63;
  public static final int ANNOTATIONS_MAX_BYTES = 256 * 1024;

  private Names() {}

  public static boolean isSubdomain(String value) {
    return subdomainViolation(value).isEmpty();
  }

  public static boolean isLabel(String value) {
    return labelViolation(value).isEmpty();
  }

  /** DNS-1123 subdomain: {@code web}, {@code web.v2}, not {@code Web}, {@code a..b}, {@code -a}. */
  public static Optional<String> subdomainViolation(String value) {
    if (value == null || value.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (value.length() > SUBDOMAIN_MAX) {
      return Optional.of(tooLong(SUBDOMAIN_MAX, value));
    }
    Optional<String> chars = badChar(value, "lowercase letters, digits, '-' and '.'", false, true);
    if (chars.isPresent()) {
      return chars;
    }
    if (value.contains("..")) {
      return Optional.of("must not contain '..'");
    }
    for (String part : value.split("\\.", -1)) {
      if (part.isEmpty() || !alnum(part.charAt(0)) || !alnum(part.charAt(part.length() - 1))) {
        return Optional.of(
            "must start and end with a lowercase letter or digit"
                + (value.indexOf('.') >= 0 ? ", as must every part between dots" : ""));
      }
    }
    return Optional.empty();
  }

  /** DNS-1123 label: a subdomain without dots, at most 63 characters. */
  public static Optional<String> labelViolation(String value) {
    if (value == null || value.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (value.length() > LABEL_MAX) {
      return Optional.of(tooLong(LABEL_MAX, value));
    }
    Optional<String> chars = badChar(value, "lowercase letters, digits and '-'", false, false);
    if (chars.isPresent()) {
      return chars;
    }
    if (!alnum(value.charAt(0)) || !alnum(value.charAt(value.length() - 1))) {
      return Optional.of("must start and end with a lowercase letter or digit");
    }
    return Optional.empty();
  }

  /** DNS-1035 label: a DNS-1123 label that starts with a letter. */
  public static Optional<String> dns1035LabelViolation(String value) {
    Optional<String> label = labelViolation(value);
    if (label.isPresent()) {
      return label;
    }
    if (!(value.charAt(0) >= 'a' && value.charAt(0) <= 'z')) {
      return Optional.of("must start with a lowercase letter");
    }
    return Optional.empty();
  }

  /** A label or annotation key: {@code app}, {@code nexus.dev/role}. */
  public static Optional<String> qualifiedNameViolation(String key) {
    if (key == null || key.isEmpty()) {
      return Optional.of("must not be empty");
    }
    String name = key;
    int slash = key.indexOf('/');
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      Optional<String> p = subdomainViolation(prefix);
      if (p.isPresent()) {
        return Optional.of("prefix '" + prefix + "' " + p.get());
      }
      if (name.indexOf('/') >= 0) {
        return Optional.of("must contain at most one '/'");
      }
    }
    if (name.isEmpty()) {
      return Optional.of("must have a name after the prefix");
    }
    Optional<String> n = labelValueRule(name);
    return n.map(v -> slash >= 0 ? "name part '" + key.substring(slash + 1) + "' " + v : v);
  }

  /** A label value: empty, or at most 63 letters, digits, '-', '_' and '.', alphanumeric ends. */
  public static Optional<String> labelValueViolation(String value) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    return labelValueRule(value);
  }

  /** The rule for an object's name, which depends on its kind (see the class comment). */
  public static Optional<String> nameViolation(KindInfo kind, String name) {
    if (isBuiltin(kind, BuiltinKinds.NAMESPACE)) {
      return labelViolation(name);
    }
    if (isBuiltin(kind, BuiltinKinds.SERVICE)) {
      return dns1035LabelViolation(name);
    }
    return subdomainViolation(name);
  }

  /**
   * Checks {@code metadata}: a valid name; a namespace iff the kind is namespaced (the server fills
   * it from the URL before validating); label keys and values; annotation keys and total size;
   * finalizer names; owner references ({@link OwnerReferenceRules}). Type errors (a non-string
   * name) are left to the schema.
   */
  public static List<Status.Cause> validateMetadata(KindInfo kind, ObjectNode object) {
    List<Status.Cause> out = new ArrayList<>();
    JsonNode meta = object.get("metadata");
    if (meta == null || meta.isNull()) {
      out.add(new Status.Cause("metadata", "is required", Reasons.REQUIRED));
      return out;
    }
    if (!meta.isObject()) {
      return out;
    }
    JsonNode name = meta.get("name");
    if (name == null || name.isNull() || (name.isTextual() && name.asText().isEmpty())) {
      out.add(new Status.Cause("metadata.name", "is required", Reasons.REQUIRED));
    } else if (name.isTextual()) {
      nameViolation(kind, name.asText())
          .ifPresent(v -> out.add(new Status.Cause("metadata.name", v, Reasons.INVALID)));
    }
    checkNamespace(kind, meta.get("namespace"), out);
    checkLabels(meta.get("labels"), out);
    checkAnnotations(meta.get("annotations"), out);
    OwnerReferenceRules.check(meta.get("ownerReferences"), out);
    JsonNode finalizers = meta.get("finalizers");
    if (finalizers != null && finalizers.isArray()) {
      for (int i = 0; i < finalizers.size(); i++) {
        JsonNode f = finalizers.get(i);
        if (f.isTextual()) {
          String field = FieldPath.index("metadata.finalizers", i);
          qualifiedNameViolation(f.asText())
              .ifPresent(v -> out.add(new Status.Cause(field, v, Reasons.INVALID)));
        }
      }
    }
    return out;
  }

  private static void checkNamespace(KindInfo kind, JsonNode ns, List<Status.Cause> out) {
    boolean present = ns != null && !ns.isNull() && !(ns.isTextual() && ns.asText().isEmpty());
    if (kind.namespaced() && !present) {
      out.add(
          new Status.Cause(
              "metadata.namespace",
              "is required: " + kind.kind() + " is namespaced",
              Reasons.REQUIRED));
    } else if (!kind.namespaced() && present) {
      out.add(
          new Status.Cause(
              "metadata.namespace",
              "must not be set: " + kind.kind() + " is cluster-scoped",
              Reasons.FORBIDDEN));
    } else if (present && ns.isTextual()) {
      labelViolation(ns.asText())
          .ifPresent(v -> out.add(new Status.Cause("metadata.namespace", v, Reasons.INVALID)));
    }
  }

  private static void checkLabels(JsonNode labels, List<Status.Cause> out) {
    if (labels == null || !labels.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : labels.properties()) {
      String field = FieldPath.child("metadata.labels", e.getKey());
      qualifiedNameViolation(e.getKey())
          .ifPresent(v -> out.add(new Status.Cause(field, "invalid key: " + v, Reasons.INVALID)));
      if (e.getValue().isTextual()) {
        labelValueViolation(e.getValue().asText())
            .ifPresent(
                v -> out.add(new Status.Cause(field, "invalid value: " + v, Reasons.INVALID)));
      }
    }
  }

  private static void checkAnnotations(JsonNode annotations, List<Status.Cause> out) {
    if (annotations == null || !annotations.isObject()) {
      return;
    }
    long bytes = 0;
    for (Map.Entry<String, JsonNode> e : annotations.properties()) {
      String field = FieldPath.child("metadata.annotations", e.getKey());
      qualifiedNameViolation(e.getKey())
          .ifPresent(v -> out.add(new Status.Cause(field, "invalid key: " + v, Reasons.INVALID)));
      bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length;
      bytes += e.getValue().asText().getBytes(StandardCharsets.UTF_8).length;
    }
    if (bytes > ANNOTATIONS_MAX_BYTES) {
      out.add(
          new Status.Cause(
              "metadata.annotations",
              "must be at most " + ANNOTATIONS_MAX_BYTES + " bytes in total (is " + bytes + ")",
              Reasons.TOO_LONG));
    }
  }

  private static Optional<String> labelValueRule(String value) {
    if (value.length() > LABEL_MAX) {
      return Optional.of(tooLong(LABEL_MAX, value));
    }
    Optional<String> chars = badChar(value, "letters, digits, '-', '_' and '.'", true, true);
    if (chars.isPresent()) {
      return chars;
    }
    if (!alnumAnyCase(value.charAt(0)) || !alnumAnyCase(value.charAt(value.length() - 1))) {
      return Optional.of("must start and end with a letter or digit");
    }
    return Optional.empty();
  }

  /** Names the first character outside the allowed set, e.g. {@code found 'W'}. */
  private static Optional<String> badChar(
      String value, String allowed, boolean upperAndUnderscore, boolean dot) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok =
          alnum(c)
              || c == '-'
              || (dot && c == '.')
              || (upperAndUnderscore && ((c >= 'A' && c <= 'Z') || c == '_'));
      if (!ok) {
        String shown = Character.isWhitespace(c) ? "a space" : "'" + c + "'";
        return Optional.of("must consist of " + allowed + " (found " + shown + ")");
      }
    }
    return Optional.empty();
  }

  private static String tooLong(int max, String value) {
    return "must be at most " + max + " characters (is " + value.length() + ")";
  }

  private static boolean alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static boolean alnumAnyCase(char c) {
    return alnum(c) || (c >= 'A' && c <= 'Z');
  }

  private static boolean isBuiltin(KindInfo kind, KindInfo builtin) {
    return kind.group().equals(builtin.group()) && kind.kind().equals(builtin.kind());
  }
}
