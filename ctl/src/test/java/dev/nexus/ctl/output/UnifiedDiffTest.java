package dev.nexus.ctl.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
  @Test
  void equalInputsHaveNoDiff() {
    assertThat(UnifiedDiff.diff("a", "b", List.of("x", "y"), List.of("x", "y"))).isEmpty();
  }

  @Test
  void changedLineWithContext() {
    List<String> a = List.of("kind: Workload", "spec:", "  replicas: 3", "  paused: false");
    List<String> b = List.of("kind: Workload", "spec:", "  replicas: 5", "  paused: false");
    assertThat(UnifiedDiff.diff("live/x", "merged/x", a, b))
        .isEqualTo(
            """
            --- live/x
            +++ merged/x
            @@ -1,4 +1,4 @@
             kind: Workload
             spec:
            -  replicas: 3
            +  replicas: 5
               paused: false
            """);
  }

  @Test
  void newObjectIsAllAdditions() {
    assertThat(UnifiedDiff.diff("live/x", "merged/x", List.of(), List.of("a: 1", "b: 2")))
        .isEqualTo(
            """
            --- live/x
            +++ merged/x
            @@ -0,0 +1,2 @@
            +a: 1
            +b: 2
            """);
  }

  @Test
  void distantChangesMakeSeparateHunks() {
    List<String> a = IntStream.range(0, 20).mapToObj(i -> "line " + i).toList();
    List<String> b = new java.util.ArrayList<>(a);
    b.set(1, "changed 1");
    b.set(18, "changed 18");
    String diff = UnifiedDiff.diff("a", "b", a, b);
    assertThat(diff).contains("@@ -1,5 +1,5 @@", "@@ -16,5 +16,5 @@", "-line 18", "+changed 18");
    assertThat(diff.lines().filter(l -> l.startsWith("@@")).count()).isEqualTo(2);
  }
}
