package dev.nexus.ctl.kinds;

import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.ctl.CtlException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Kind lookup over the kinds a server announced in discovery. */
public final class KindResolver {
  private final List<KindInfo> kinds;

  public KindResolver(List<KindInfo> kinds) {
    this.kinds = List.copyOf(kinds);
  }

  public List<KindInfo> all() {
    return kinds;
  }

  /**
   * The kind a user means by {@code typed}: kind, plural, singular, short name or {@code
   * plural.group}, case-insensitively. Exact names win over short names, built-in kinds over custom
   * ones.
   */
  public KindInfo resolve(String typed) {
    String t = typed.toLowerCase(Locale.ROOT);
    return kinds.stream()
        .filter(k -> k.answersTo(t) || (k.group().isEmpty() && k.plural().equals(t)))
        .min(
            Comparator.comparingInt((KindInfo k) -> k.shortNames().contains(t) ? 1 : 0)
                .thenComparingInt(k -> k.group().equals(BuiltinKinds.GROUP) ? 0 : 1))
        .orElseThrow(
            () ->
                new CtlException(
                    "the server doesn't have a resource type \""
                        + typed
                        + "\" (see `nexusctl api-resources`)"));
  }

  /** The kind a manifest names by {@code apiVersion} and {@code kind}, if the server serves it. */
  public Optional<KindInfo> forManifest(String apiVersion, String kind) {
    return kinds.stream()
        .filter(k -> k.apiVersion().equals(apiVersion) && k.kind().equals(kind))
        .findFirst();
  }

  /** Explains why {@link #forManifest} found nothing, for an error line. */
  public String unknownManifestKind(String apiVersion, String kind) {
    boolean kindElsewhere = kinds.stream().anyMatch(k -> k.kind().equals(kind));
    boolean versionKnown = kinds.stream().anyMatch(k -> k.apiVersion().equals(apiVersion));
    if (kindElsewhere) {
      String served =
          kinds.stream()
              .filter(k -> k.kind().equals(kind))
              .map(KindInfo::apiVersion)
              .findFirst()
              .orElseThrow();
      return "apiVersion: \""
          + apiVersion
          + "\" does not serve kind "
          + kind
          + " (use "
          + served
          + ")";
    }
    if (!versionKnown) {
      return "apiVersion: unknown API version \"" + apiVersion + "\" (kind " + kind + ")";
    }
    return "kind: unknown kind \""
        + kind
        + "\" in "
        + apiVersion
        + " (see `nexusctl api-resources`)";
  }
}
