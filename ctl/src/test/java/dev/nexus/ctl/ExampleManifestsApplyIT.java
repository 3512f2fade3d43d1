package dev.nexus.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.api.codec.Document;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.NexusClient;
import dev.nexus.ctl.apply.ManifestLoader;
import dev.nexus.ctl.kinds.KindResolver;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first step: apply every file of examples/manifests, then read each object back. */
class ExampleManifestsApplyIT {
  private static final Path EXAMPLES = Path.of("..", "examples", "manifests");

  @TempDir Path dir;

  @Test
  void everyExampleAppliesAndReadsBack() {
    assertThat(EXAMPLES).isDirectory();
    List<Document> docs = ManifestLoader.load(List.of(EXAMPLES.toString()), true, null).documents();
    assertThat(docs).as("example manifests").isNotEmpty();

    Cli cli = TestServer.get().cli(dir);
    Cli.Result first = cli.run("apply", "-R", "-f", EXAMPLES.toString());
    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(first.err()).isEmpty();
    assertThat(first.out().lines())
        .hasSize(docs.size())
        .allMatch(l -> l.matches("\\S+/\\S+ (created|configured|unchanged)"));

    try (NexusClient client = NexusClient.forServer(TestServer.get().uri())) {
      KindResolver kinds = new KindResolver(client.discover());
      for (Document d : docs) {
        ApiObject manifest = new ApiObject(d.object());
        KindInfo kind = kinds.forManifest(manifest.apiVersion(), manifest.kind()).orElseThrow();
        String ns = kind.namespaced() ? orDefault(manifest.namespace()) : null;
        ApiObject live = client.get(kind, ns, manifest.name());
        assertThat(live.uid()).as(d.where()).isNotBlank();
        if (manifest.spec() != null) {
          assertThat(live.spec()).as(d.where()).isNotNull();
        }
        Cli.Result got =
            cli.run("get", kind.plural(), manifest.name(), "-n", orDefault(ns), "-o", "name");
        assertThat(got.out()).as(d.where()).endsWith("/" + manifest.name() + "\n");
      }
    }

    Cli.Result again = cli.run("apply", "-R", "-f", EXAMPLES.toString());
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(again.out().lines()).allMatch(l -> l.endsWith(" unchanged"));
    Cli.Result diff = cli.run("diff", "-R", "-f", EXAMPLES.toString());
    assertThat(diff.code()).as(diff.toString()).isZero();
  }

  private static String orDefault(String ns) {
    return ns == null ? "default" : ns;
  }
}
