package dev.nexus.api.validation;

import static dev.nexus.api.validation.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.error.Status;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CRDs: their own validation, and validation of objects against the schemas they define. */
class CustomSchemaTest {
  private static final ObjectValidator VALIDATOR = new ObjectValidator();

  private static final String CRD =
      """
      apiVersion: nexus.dev/v1
      kind: CustomResourceDefinition
      metadata: {name: databases.example.com}
      spec:
        group: example.com
        names: {kind: Database, plural: databases, shortNames: [db]}
        scope: Namespaced
        versions:
          - name: v1
            served: true
            storage: true
            subresources: {status: {}}
            additionalPrinterColumns: [{name: Size, type: string, jsonPath: .spec.size}]
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    required: [size]
                    additionalProperties: false
                    properties:
                      size: {type: string, enum: [small, large]}
                      replicas: {type: integer, minimum: 1, x-kubernetes-int-or-string: false}
                      memory: {$ref: "https://nexus.dev/schemas/common.json#/$defs/Quantity"}
                      note: {type: string, nullable: true}
                  status: {type: object, x-kubernetes-preserve-unknown-fields: true}
      """;

  private static final KindInfo DATABASE =
      new KindInfo(
          "example.com",
          "v1",
          "Database",
          "databases",
          "database",
          List.of("db"),
          true,
          true,
          false,
          null);

  @Test
  void aWellFormedCrdIsValid() {
    assertThat(VALIDATOR.validate(BuiltinKinds.CUSTOM_RESOURCE_DEFINITION, yaml(CRD))).isEmpty();
  }

  @Test
  void crdNamingAndStorageRules() {
    ObjectNode crd = yaml(CRD);
    crd.with("metadata").put("name", "dbs.example.com");
    ObjectNode v2 = crd.withObject("/spec/versions/0").deepCopy();
    crd.withObject("/spec").withArray("versions").add(v2);
    assertThat(VALIDATOR.validate(BuiltinKinds.CUSTOM_RESOURCE_DEFINITION, crd))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactlyInAnyOrder(
            tuple("metadata.name", "must be <plural>.<group>: \"databases.example.com\""),
            tuple("spec.versions", "exactly one version must have storage: true (found 2)"),
            tuple("spec.versions[1].name", "duplicates spec.versions[0].name (\"v1\")"));
  }

  @Test
  void aCrdWithABrokenSchemaNamesTheSchemaField() {
    ObjectNode crd = yaml(CRD);
    ObjectNode schema = crd.withObject("/spec/versions/0/schema/openAPIV3Schema");
    schema.put("propertes", "oops");
    assertThat(VALIDATOR.validate(BuiltinKinds.CUSTOM_RESOURCE_DEFINITION, crd))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(
            tuple(
                "spec.versions[0].schema.openAPIV3Schema",
                "is not a valid schema: unknown keyword 'propertes'"));
    schema.remove("propertes");
    schema.put("type", "objekt");
    assertThat(VALIDATOR.validate(BuiltinKinds.CUSTOM_RESOURCE_DEFINITION, crd))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(
            tuple(
                "spec.versions[0].schema.openAPIV3Schema.type",
                "must be one of [array, boolean, integer, null, number, object, string], got"
                    + " \"objekt\""));
    schema.put("type", 3);
    assertThat(VALIDATOR.validate(BuiltinKinds.CUSTOM_RESOURCE_DEFINITION, crd))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(
            tuple(
                "spec.versions[0].schema.openAPIV3Schema.type",
                "must be one of [array, boolean, integer, null, number, object, string], got 3"));
  }

  @Test
  void aCrdGroupMayNotBeNexus() {
    ObjectNode crd = yaml(CRD);
    crd.with("spec").put("group", "nexus.dev");
    crd.with("metadata").put("name", "databases.nexus.dev");
    assertThat(VALIDATOR.validate(BuiltinKinds.CUSTOM_RESOURCE_DEFINITION, crd))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(tuple("spec.group", "nexus.dev is reserved for built-in kinds"));
  }

  @Test
  void customObjectsAreValidatedAgainstTheirCrdSchema() {
    ObjectNode crd = yaml(CRD);
    var schema = crd.at("/spec/versions/0/schema/openAPIV3Schema");
    ObjectNode db =
        yaml(
            """
            apiVersion: example.com/v1
            kind: Database
            metadata: {name: orders, namespace: shop}
            spec: {size: small, replicas: 2, memory: 1Gi, note: null}
            status: {anything: [1, 2]}
            """);
    assertThat(VALIDATOR.validate(DATABASE, db, schema)).isEmpty();

    db.with("spec").put("size", "huge").put("replicas", 0).put("memroy", "1Gi");
    db.with("spec").put("memory", "lots");
    db.with("metadata").put("name", "Orders");
    db.put("kind", "Table");
    assertThat(VALIDATOR.validate(DATABASE, db, schema))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactlyInAnyOrder(
            tuple("kind", "must be \"Database\", got \"Table\""),
            tuple("spec.size", "must be one of [small, large], got \"huge\""),
            tuple("spec.replicas", "must be greater than or equal to 1"),
            tuple("spec.memroy", "unknown field, did you mean \"memory\"?"),
            tuple("spec.memory", "must be a quantity such as 100m, 0.5, 2, 64Mi or 1Gi"),
            tuple(
                "metadata.name",
                "must consist of lowercase letters, digits, '-' and '.' (found 'O')"));
  }

  @Test
  void aSchemaCannotMakeTheServerFetchUrls() {
    var schema = yaml("{$ref: 'http://127.0.0.1:9/evil.json'}");
    assertThat(VALIDATOR.validateAgainst(schema, yaml("{a: 1}")))
        .singleElement()
        .satisfies(c -> assertThat(c.message()).startsWith("schema is not valid: "));
  }

  @Test
  void validateAgainstReportsPathsRelativeToTheInstance() {
    var schema =
        yaml(
            "{type: object, properties: {items: {type: array, items: {type: object, required:"
                + " [id]}}}}");
    assertThat(VALIDATOR.validateAgainst(schema, yaml("{items: [{id: 1}, {}]}")))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(tuple("items[1].id", "is required"));
  }

  @Test
  void aKindWithoutSchemaStillGetsEnvelopeAndNameChecks() {
    ObjectNode db =
        yaml("{apiVersion: example.com/v2, kind: Database, metadata: {name: x..y, namespace: s}}");
    assertThat(VALIDATOR.validate(DATABASE, db))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactlyInAnyOrder(
            tuple("apiVersion", "must be \"example.com/v1\", got \"example.com/v2\""),
            tuple("metadata.name", "must not contain '..'"));
  }

  @Test
  void aCustomKindMayNotTakeTheNameOfABuiltinKind() {
    ObjectNode crd = yaml(CRD);
    crd.withObject("/spec/names").put("kind", "Workload");
    crd.withObject("/spec/names").putArray("shortNames").add("db").add("svc");
    assertThat(VALIDATOR.validate(BuiltinKinds.CUSTOM_RESOURCE_DEFINITION, crd))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactlyInAnyOrder(
            tuple(
                "spec.names.kind",
                "\"Workload\" is a name of the built-in kind Workload; choose another"),
            tuple(
                "spec.names.shortNames[1]",
                "\"svc\" is a name of the built-in kind Service; choose another"));
  }

  @Test
  void aPluralThatIsNotALowercaseDnsLabelIsRefused() {
    ObjectNode crd = yaml(CRD);
    crd.withObject("/spec/names").put("plural", "Data_bases");
    crd.with("metadata").put("name", "Data_bases.example.com");
    assertThat(VALIDATOR.validate(BuiltinKinds.CUSTOM_RESOURCE_DEFINITION, crd))
        .extracting(Status.Cause::field)
        .contains("spec.names.plural");
  }
}
