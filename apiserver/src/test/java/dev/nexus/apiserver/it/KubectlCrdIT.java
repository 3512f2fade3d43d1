package dev.nexus.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nexus.api.codec.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real kubectl applies a CRD, then objects of its kind, and prints its printer columns. */
class KubectlCrdIT {
  private static final Path KUBECTL = Path.of("/usr/bin/kubectl");

  @RegisterExtension static final ServerExtension SERVER = new ServerExtension();

  @TempDir Path dir;

  @Test
  void applyAndGetACustomKind() throws Exception {
    assumeTrue(
        Files.isExecutable(KUBECTL),
        KUBECTL + " is not installed: the kubectl compatibility test needs a real kubectl binary");
    Kubectl k = new Kubectl(KUBECTL, dir, SERVER.server().url());
    Path crd = dir.resolve("crd.yaml");
    Files.writeString(crd, Json.toYaml(Crds.database("kubectl.example.com")));
    Kubectl.Result applied = k.run("apply", "--validate=false", "-f", crd.toString());
    assertThat(applied.exit()).as(applied.toString()).isZero();
    assertThat(applied.out())
        .contains("customresourcedefinition.nexus.dev/databases.kubectl.example.com created");
    // What a script does before using a new kind.
    Kubectl.Result established =
        k.run(
            "wait",
            "--for=condition=Established",
            "--timeout=20s",
            "customresourcedefinition/databases.kubectl.example.com");
    assertThat(established.exit()).as(established.toString()).isZero();
    assertThat(established.out()).contains("condition met");

    Path db = dir.resolve("db.yaml");
    Files.writeString(
        db,
        """
        apiVersion: kubectl.example.com/v1
        kind: Database
        metadata: {name: orders, namespace: default}
        spec: {size: small, replicas: 3}
        """);
    Kubectl.Result created = k.run("apply", "--validate=false", "-f", db.toString());
    assertThat(created.exit()).as(created.toString()).isZero();
    assertThat(created.out()).contains("database.kubectl.example.com/orders created");

    Kubectl.Result get = k.run("get", "databases", "-n", "default");
    assertThat(get.exit()).as(get.toString()).isZero();
    assertThat(get.out().lines().toList().getFirst()).matches("NAME\\s+SIZE\\s+REPLICAS\\s+AGE");
    assertThat(get.out()).containsPattern("(?m)^orders\\s+small\\s+3\\s+\\d+s$");

    Files.writeString(db, Files.readString(db).replace("size: small", "size: huge"));
    Kubectl.Result refused = k.run("apply", "--validate=false", "-f", db.toString());
    assertThat(refused.exit()).isNotZero();
    assertThat(refused.err()).contains("spec.size").contains("must be one of [small, large]");

    Kubectl.Result deleted = k.run("delete", "db", "orders", "-n", "default");
    assertThat(deleted.exit()).as(deleted.toString()).isZero();
  }
}
