package dev.nexus.api.crd;

/**
 * Where the {@code /scale} subresource of a kind reads and writes: a CRD's {@code
 * subresources.scale}, or {@link #DEFAULT} ({@code spec.replicas}, {@code status.replicas}) for
 * built-in kinds.
 *
 * @param specReplicasPath desired replicas, under {@code .spec}
 * @param statusReplicasPath observed replicas, under {@code .status}
 * @param labelSelectorPath a label selector string for {@code status.selector} of the Scale, or
 *     null
 */
public record ScalePaths(
    String specReplicasPath, String statusReplicasPath, String labelSelectorPath) {
  public static final ScalePaths DEFAULT =
      new ScalePaths(".spec.replicas", ".status.replicas", null);
}
