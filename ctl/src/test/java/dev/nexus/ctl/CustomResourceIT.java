package dev.nexus.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.client.NexusClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nexusctl} with a kind defined by a CustomResourceDefinition, against a real server. */
class CustomResourceIT {
  private static final String CRD =
      """
      apiVersion: nexus.dev/v1
      kind: CustomResourceDefinition
      metadata: {name: staticsites.ctl.example.com}
      spec:
        group: ctl.example.com
        names: {kind: StaticSite, plural: staticsites, singular: staticsite, shortNames: [site]}
        scope: Namespaced
        versions:
          - name: v1
            served: true
            storage: true
            subresources: {status: {}}
            additionalPrinterColumns:
              - {name: Domain, type: string, jsonPath: .spec.domain}
              - {name: Replicas, type: integer, jsonPath: .spec.replicas}
              - {name: Phase, type: string, jsonPath: .status.phase, priority: 1}
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    required: [domain]
                    properties:
                      domain: {type: string, minLength: 3}
                      replicas: {type: integer, minimum: 1}
                  status: {type: object, properties: {phase: {type: string}}}
      """;

  @TempDir Path dir;
  private NexusClient client;
  private String ns;
  private Cli cli;

  @BeforeEach
  void setUp() {
    client = NexusClient.forServer(TestServer.get().uri());
    ns = TestServer.get().newNamespace(client);
    cli = TestServer.get().cli(dir);
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static String site(String name, String domain, int replicas) {
    return """
        apiVersion: ctl.example.com/v1
        kind: StaticSite
        metadata: {name: %s}
        spec: {domain: %s, replicas: %d}
        """
        .formatted(name, domain, replicas);
  }

  @Test
  void applyThenGetWithPrinterColumns() throws Exception {
    Path file = dir.resolve("site.yaml");
    // The CRD and an object of its kind in one file: apply creates the CRD first.
    Files.writeString(file, CRD + "---\n" + site("blog", "blog.example.com", 2));
    Cli.Result applied = cli.run("apply", "-f", file.toString(), "-n", ns);
    assertThat(applied.code()).as(applied.toString()).isZero();
    assertThat(applied.out())
        .contains("customresourcedefinition.nexus.dev/staticsites.ctl.example.com")
        .contains("staticsite.ctl.example.com/blog created");

    Cli.Result get = cli.run("get", "staticsites", "-n", ns);
    assertThat(get.code()).as(get.toString()).isZero();
    assertThat(get.out().lines().toList().getFirst()).matches("NAME\\s+DOMAIN\\s+REPLICAS\\s+AGE");
    assertThat(get.out()).containsPattern("(?m)^blog\\s+blog\\.example\\.com\\s+2\\s+\\d+s$");

    client.patchStatus(
        client.discover().stream().filter(k -> k.kind().equals("StaticSite")).findFirst().get(),
        ns,
        "blog",
        dev.nexus.api.codec.Json.MAPPER.readTree("{\"status\":{\"phase\":\"Serving\"}}"));
    Cli.Result wide = cli.run("get", "site", "blog", "-n", ns, "-o", "wide");
    assertThat(wide.out().lines().toList().getFirst())
        .matches("NAME\\s+DOMAIN\\s+REPLICAS\\s+AGE\\s+PHASE");
    assertThat(wide.out())
        .containsPattern("(?m)^blog\\s+blog\\.example\\.com\\s+2\\s+\\S+\\s+Serving$");

    Files.writeString(file, site("blog", "blog.example.com", 3));
    Cli.Result reapplied = cli.run("apply", "-f", file.toString(), "-n", ns);
    assertThat(reapplied.out())
        .as(reapplied.toString())
        .contains("staticsite.ctl.example.com/blog configured");
    assertThat(cli.run("get", "site", "blog", "-n", ns, "-o", "yaml").out())
        .contains("replicas: 3");

    Cli.Result resources = cli.run("api-resources");
    assertThat(resources.out())
        .containsPattern(
            "(?m)^staticsites\\s+site\\s+ctl\\.example\\.com/v1\\s+true\\s+StaticSite");
    Cli.Result described = cli.run("describe", "site", "blog", "-n", ns);
    assertThat(described.code()).as(described.toString()).isZero();
    assertThat(described.out()).contains("blog").contains("blog.example.com");

    Files.writeString(file, site("bad", "x", 0));
    Cli.Result invalid = cli.run("apply", "-f", file.toString(), "-n", ns);
    assertThat(invalid.code()).isNotZero();
    assertThat(invalid.err())
        .contains("spec.domain")
        .contains("spec.replicas: must be greater than or equal to 1");
  }
}
