package dev.nexus.apiserver.it;

import static dev.nexus.apiserver.it.CrdIT.causes;
import static dev.nexus.apiserver.it.Crds.CRDS;
import static dev.nexus.apiserver.it.Crds.database;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An invalid CustomResourceDefinition is a 422 naming the field and the rule. */
class CrdValidationIT {
  @RegisterExtension static final ServerExtension SERVER = new ServerExtension();

  private final Http http = SERVER.http();

  private Http.Resp create(Consumer<ObjectNode> change) {
    ObjectNode crd = database("bad.example.com");
    change.accept(crd);
    return http.post(CRDS, crd.toString());
  }

  @Test
  void aBadGroupIsRefused() {
    Http.Resp r =
        create(
            c -> {
              c.withObject("/spec").put("group", "Example");
              c.withObject("/metadata").put("name", "databases.Example");
            });
    assertThat(r.code()).isEqualTo(422);
    assertThat(causes(r))
        .contains("spec.group: must be a DNS subdomain with at least one dot, such as example.com");
  }

  @Test
  void aPluralThatIsNotALowercaseDnsLabelIsRefused() {
    Http.Resp r =
        create(
            c -> {
              c.withObject("/spec/names").put("plural", "DataBases");
              c.withObject("/metadata").put("name", "DataBases.bad.example.com");
            });
    assertThat(r.code()).isEqualTo(422);
    assertThat(causes(r)).anyMatch(s -> s.startsWith("spec.names.plural: "));
  }

  @Test
  void aKindClashingWithABuiltinIsRefused() {
    Http.Resp r = create(c -> c.withObject("/spec/names").put("kind", "Workload"));
    assertThat(r.code()).isEqualTo(422);
    assertThat(causes(r))
        .containsExactly(
            "spec.names.kind: \"Workload\" is a name of the built-in kind Workload; choose"
                + " another");
  }

  @Test
  void theNameMustBePluralDotGroup() {
    Http.Resp r = create(c -> c.withObject("/metadata").put("name", "dbs.bad.example.com"));
    assertThat(r.code()).isEqualTo(422);
    assertThat(causes(r))
        .containsExactly("metadata.name: must be <plural>.<group>: \"databases.bad.example.com\"");
  }

  @Test
  void aSchemaThatIsNotAJsonSchemaIsRefused() {
    Http.Resp r =
        create(c -> c.withObject("/spec/versions/0/schema/openAPIV3Schema").put("type", "objekt"));
    assertThat(r.code()).isEqualTo(422);
    assertThat(causes(r))
        .containsExactly(
            "spec.versions[0].schema.openAPIV3Schema.type: must be one of [array, boolean,"
                + " integer, null, number, object, string], got \"objekt\"");
  }

  @Test
  void twoCrdsCannotServeOneKindAndIdentityIsImmutable() {
    assertThat(http.post(CRDS, database("twice.example.com").toString()).code()).isEqualTo(201);
    ObjectNode other = database("twice.example.com");
    other
        .withObject("/spec/names")
        .put("plural", "dbs")
        .put("singular", "db1")
        .remove("shortNames");
    other.withObject("/metadata").put("name", "dbs.twice.example.com");
    Http.Resp clash = http.post(CRDS, other.toString());
    assertThat(clash.code()).as(clash.toString()).isEqualTo(422);
    assertThat(causes(clash))
        .containsExactly(
            "spec.names.kind: kind Database of group twice.example.com is already served by"
                + " CustomResourceDefinition databases.twice.example.com");

    Http.Resp scope =
        http.patch(CRDS + "/databases.twice.example.com", "{\"spec\":{\"scope\":\"Cluster\"}}");
    assertThat(scope.code()).isEqualTo(422);
    assertThat(causes(scope))
        .singleElement()
        .asString()
        .startsWith("spec.scope: field is immutable (was \"Namespaced\")");
  }
}
