package dev.nexus.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.client.ClientConfig;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nexusctl without a server: config editing, usage errors, unreachable servers. */
class NexusctlTest {
  @TempDir Path dir;

  @Test
  void configContextsRoundTrip() {
    Path file = dir.resolve("config");
    Cli cli = new Cli("--config", file.toString());

    Cli.Result created =
        cli.run("config", "set-context", "local", "--server", "http://127.0.0.1:7420");
    assertThat(created.code()).as(created.toString()).isZero();
    assertThat(created.out()).isEqualTo("Context \"local\" created.\n");
    cli.run("config", "set-context", "prod", "--server", "http://10.0.0.1:7420", "-n", "web");

    assertThat(cli.run("config", "current-context").out()).isEqualTo("local\n");
    assertThat(cli.run("config", "use-context", "prod").out())
        .isEqualTo("Switched to context \"prod\".\n");
    assertThat(cli.run("config", "get-contexts").out())
        .isEqualTo(
            """
            CURRENT   NAME    SERVER                  NAMESPACE
                      local   http://127.0.0.1:7420   default
            *         prod    http://10.0.0.1:7420    web
            """);
    assertThat(cli.run("config", "view").out())
        .contains("currentContext: prod", "name: local", "server: http://10.0.0.1:7420");
    assertThat(ClientConfig.load(file).current().namespace()).isEqualTo("web");

    Cli.Result modified = cli.run("config", "set-context", "prod", "-n", "other");
    assertThat(modified.out()).isEqualTo("Context \"prod\" modified.\n");
    assertThat(ClientConfig.load(file).current().server()).isEqualTo("http://10.0.0.1:7420");
  }

  @Test
  void configErrorsAreOneLine() {
    Cli cli = new Cli("--config", dir.resolve("config").toString());
    Cli.Result unknown = cli.run("config", "use-context", "nope");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err())
        .isEqualTo("error: context \"nope\" not found; known contexts: <none>\n");

    Cli.Result noServer = cli.run("config", "set-context", "x");
    assertThat(noServer.code()).isEqualTo(1);
    assertThat(noServer.err()).isEqualTo("error: context \"x\" is new: --server URL is required\n");

    Cli.Result badUrl = cli.run("config", "set-context", "x", "--server", "localhost:1");
    assertThat(badUrl.err())
        .isEqualTo(
            "error: context \"x\": server URL \"localhost:1\" must look like http://HOST:PORT\n");

    Cli.Result unknownContext = cli.run("get", "wl", "--context", "ghost");
    assertThat(unknownContext.code()).isEqualTo(1);
    assertThat(unknownContext.err())
        .isEqualTo("error: context \"ghost\" not found; known contexts: <none>\n");
  }

  @Test
  void unreachableServerSaysWhereAndWhatToDo() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String expected =
        "error: cannot reach Nexus at http://127.0.0.1:"
            + port
            + ": connection refused (is `nexus up` running?)\n";
    Cli.Result r = new Cli().run("get", "workloads", "--server", "http://127.0.0.1:" + port);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo(expected);

    // Global options may also come before the subcommand.
    Cli.Result before =
        new Cli().run("--server", "http://127.0.0.1:" + port, "-n", "demo", "get", "workloads");
    assertThat(before.err()).isEqualTo(expected);
  }

  @Test
  void noConfigFileMeansTheNexusUpDefault() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path absent = dir.resolve("absent");
    Session session = new Session(absent, null, null, null);
    assertThat(session.context().server()).isEqualTo(ClientConfig.DEFAULT_SERVER);
    assertThat(session.namespace()).isEqualTo("default");
    assertThat(Files.exists(absent)).isFalse();
    assertThat(new Session(absent, null, "http://127.0.0.1:" + port, "x").namespace())
        .isEqualTo("x");
  }

  @Test
  void usageErrorsExitWithTwoAndOneLine() {
    Cli.Result unknownFlag = new Cli().run("get", "wl", "--bogus");
    assertThat(unknownFlag.code()).isEqualTo(2);
    assertThat(unknownFlag.err())
        .isEqualTo("error: Unknown option: '--bogus' (see `nexusctl get --help`)\n");

    Cli.Result missingKind = new Cli().run("get");
    assertThat(missingKind.code()).isEqualTo(2);
    assertThat(missingKind.err()).startsWith("error: Missing required parameter: 'KIND'");
    assertThat(missingKind.err().lines()).hasSize(1);

    Cli.Result unknownCommand = new Cli().run("frobnicate");
    assertThat(unknownCommand.code()).isEqualTo(2);
    assertThat(unknownCommand.err().lines()).hasSize(1);
  }

  @Test
  void clientVersionNeedsNoServer() {
    Cli.Result r = new Cli().run("version", "--client");
    assertThat(r.code()).isZero();
    assertThat(r.out()).matches("Client Version: \\d+\\.\\d+\\.\\d+.*\n");
  }

  @Test
  void helpListsEveryCommand() {
    Cli.Result r = new Cli().run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            "apply", "diff", "get", "describe", "delete", "api-resources", "version", "config");
  }
}
