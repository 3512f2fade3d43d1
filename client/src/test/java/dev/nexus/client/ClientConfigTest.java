package dev.nexus.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConfigTest {
  @TempDir Path dir;

  @Test
  void savedConfigReadsBackTheSame() {
    Path file = dir.resolve("nested/config");
    ClientConfig config =
        ClientConfig.empty()
            .withContext(new ClientConfig.Context("local", "http://127.0.0.1:7420", "demo"))
            .withContext(new ClientConfig.Context("prod", "http://10.0.0.1:7420", null))
            .withCurrentContext("prod");

    config.save(file);

    ClientConfig read = ClientConfig.load(file);
    assertThat(read).isEqualTo(config);
    assertThat(read.current().server()).isEqualTo("http://10.0.0.1:7420");
    assertThat(read.current().namespaceOrDefault()).isEqualTo("default");
    assertThat(read.context("local").namespaceOrDefault()).isEqualTo("demo");
  }

  @Test
  void fileIsTheDocumentedYamlShape() throws Exception {
    Path file = dir.resolve("config");
    Files.writeString(
        file,
        """
        currentContext: local
        contexts:
        - name: local
          server: http://127.0.0.1:7420
          namespace: default
        """);
    ClientConfig config = ClientConfig.load(file);
    assertThat(config.current())
        .isEqualTo(new ClientConfig.Context("local", "http://127.0.0.1:7420", "default"));
    assertThat(Files.readString(saved(config))).contains("currentContext: local", "- name: local");
  }

  @Test
  void missingFileIsAnEmptyConfig() {
    ClientConfig config = ClientConfig.load(dir.resolve("absent"));
    assertThat(config.contexts()).isEmpty();
    assertThatThrownBy(config::current)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no current context is set");
  }

  @Test
  void unknownContextNamesTheKnownOnes() {
    ClientConfig config =
        ClientConfig.empty().withContext(new ClientConfig.Context("a", "http://h:1", null));
    assertThatThrownBy(() -> config.context("b"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("context \"b\" not found; known contexts: a");
    assertThatThrownBy(() -> config.withCurrentContext("b")).isInstanceOf(ConfigException.class);
  }

  @Test
  void setContextReplacesInPlaceAndDeleteClearsCurrent() {
    ClientConfig config =
        ClientConfig.empty()
            .withContext(new ClientConfig.Context("a", "http://h:1", null))
            .withContext(new ClientConfig.Context("b", "http://h:2", null))
            .withContext(new ClientConfig.Context("a", "http://h:3", "x"))
            .withCurrentContext("a");
    assertThat(config.names()).containsExactly("a", "b");
    assertThat(config.context("a").server()).isEqualTo("http://h:3");

    ClientConfig without = config.withoutContext("a");
    assertThat(without.names()).containsExactly("b");
    assertThat(without.currentContext()).isNull();
  }

  @Test
  void malformedFileIsAClearError() throws Exception {
    Path file = dir.resolve("config");
    Files.writeString(file, "contexts: [ {name: a, server: \n");
    assertThatThrownBy(() -> ClientConfig.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("cannot read Nexus config " + file + ": ");
  }

  @Test
  void duplicateContextNamesAreRejected() throws Exception {
    Path file = dir.resolve("config");
    Files.writeString(
        file, "contexts:\n- {name: a, server: 'http://h:1'}\n- {name: a, server: 'http://h:2'}\n");
    assertThatThrownBy(() -> ClientConfig.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("context \"a\" is defined twice");
  }

  @Test
  void badServerUrlInTheFileNamesContextAndUrl() throws Exception {
    Path file = dir.resolve("config");
    Files.writeString(file, "contexts:\n- {name: a, server: 'localhost:7420'}\n");
    assertThatThrownBy(() -> ClientConfig.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Nexus config "
                + file
                + ": context \"a\": server URL \"localhost:7420\" must look like http://HOST:PORT");
  }

  @Test
  void builtinDefaultPointsAtNexusUp() {
    assertThat(ClientConfig.builtinDefault().current().server())
        .isEqualTo(ClientConfig.DEFAULT_SERVER);
    assertThat(ClientConfig.builtinDefault().contexts()).hasSize(1);
    assertThat(new ClientConfig(null, null).contexts()).isEqualTo(List.of());
  }

  private Path saved(ClientConfig config) {
    Path file = dir.resolve("saved");
    config.save(file);
    return file;
  }
}
