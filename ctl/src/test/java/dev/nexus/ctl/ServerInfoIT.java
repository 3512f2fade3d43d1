package dev.nexus.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code api-resources} and {@code version} against a real server, and a config context. */
class ServerInfoIT {
  @TempDir Path dir;

  @Test
  void apiResourcesListsEveryKindSorted() {
    Cli.Result r = TestServer.get().cli(dir).run("api-resources");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out().lines().findFirst().orElseThrow())
        .matches("NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND");
    assertThat(r.out())
        .containsPattern("(?m)^workloads +wl +nexus\\.dev/v1 +true +Workload$")
        .containsPattern("(?m)^namespaces +ns +nexus\\.dev/v1 +false +Namespace$")
        .containsPattern("(?m)^services +svc +nexus\\.dev/v1 +true +Service$");
    assertThat(r.out().lines().skip(1).toList()).isSorted().hasSizeGreaterThanOrEqualTo(11);
  }

  @Test
  void versionShowsClientAndServer() {
    Cli.Result r = TestServer.get().cli(dir).run("version");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).matches("Client Version: \\S+\nServer Version: \\S.*\n");
  }

  @Test
  void aContextFromTheConfigFileIsUsedWithNoFlags() {
    Path config = dir.resolve("config");
    Cli configured = new Cli("--config", config.toString());
    configured.run("config", "set-context", "test", "--server", TestServer.get().uri().toString());
    Cli.Result r = configured.run("get", "ns", "default", "-o", "name");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("namespace.nexus.dev/default\n");
  }
}
