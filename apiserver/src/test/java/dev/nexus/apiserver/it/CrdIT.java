package dev.nexus.apiserver.it;

import static dev.nexus.apiserver.it.Crds.CRDS;
import static dev.nexus.apiserver.it.Crds.database;
import static dev.nexus.apiserver.it.Crds.databases;
import static dev.nexus.apiserver.it.Crds.dbJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A CRD makes its kind served like a built-in one: every verb, discovery, watch, tables. */
class CrdIT {
  private static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io";

  @RegisterExtension static final ServerExtension SERVER = new ServerExtension();

  private final Http http = SERVER.http();

  @Test
  void aCreatedCrdServesItsKindWithEveryVerb() {
    String group = "verbs.example.com";
    assertThat(http.post(CRDS, database(group).toString()).code()).isEqualTo(201);
    String ns = SERVER.newNamespace();
    String dbs = databases(group, ns);

    Http.Resp created = http.post(dbs, dbJson(group, ns, "orders", "small", 1));
    assertThat(created.code()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().at("/metadata/uid").asText()).isNotEmpty();
    assertThat(created.json().at("/metadata/generation").asInt()).isEqualTo(1);

    assertThat(http.get(dbs + "/orders").json().at("/spec/size").asText()).isEqualTo("small");
    assertThat(http.get(dbs).json().path("kind").asText()).isEqualTo("DatabaseList");
    assertThat(http.get(dbs).json().path("items")).hasSize(1);
    assertThat(http.get("/apis/" + group + "/v1/databases").json().path("items")).hasSize(1);

    Http.Resp replaced = http.put(dbs + "/orders", dbJson(group, ns, "orders", "large", 1));
    assertThat(replaced.code()).as(replaced.toString()).isEqualTo(200);
    assertThat(replaced.json().at("/metadata/generation").asInt()).isEqualTo(2);
    Http.Resp patched = http.patch(dbs + "/orders", "{\"spec\":{\"replicas\":3}}");
    assertThat(patched.json().at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(patched.json().at("/spec/size").asText()).isEqualTo("large");

    assertThat(http.get(dbs + "/orders/scale").json().at("/spec/replicas").asInt()).isEqualTo(3);
    Http.Resp scaled = http.patch(dbs + "/orders/scale", "{\"spec\":{\"replicas\":5}}");
    assertThat(scaled.code()).as(scaled.toString()).isEqualTo(200);
    assertThat(http.get(dbs + "/orders").json().at("/spec/replicas").asInt()).isEqualTo(5);

    assertThat(http.delete(dbs + "/orders").code()).isEqualTo(200);
    assertThat(http.get(dbs + "/orders").code()).isEqualTo(404);
    assertThat(http.get(dbs + "/orders").message()).contains("Database").contains("orders");
  }

  @Test
  void aCreatedCrdReportsItsKindEstablishedAndRecordsEveryStorageVersion() {
    String group = "established.example.com";
    Http.Resp created = http.post(CRDS, database(group).toString());
    assertThat(created.code()).as(created.toString()).isEqualTo(201);
    for (JsonNode crd : List.of(created.json(), http.get(CRDS + "/databases." + group).json())) {
      assertThat(conditions(crd))
          .containsExactlyInAnyOrder("NamesAccepted=True", "Established=True");
      assertThat(crd.at("/status/acceptedNames/plural").asText()).isEqualTo("databases");
      assertThat(crd.at("/status/storedVersions").toString()).isEqualTo("[\"v1\"]");
    }
    // Established means served: a client that waited for it finds the kind at once.
    assertThat(http.get(databases(group, SERVER.newNamespace())).code()).isEqualTo(200);

    Http.Resp moved =
        http.patch(
            CRDS + "/databases." + group,
            "{\"spec\":{\"versions\":["
                + "{\"name\":\"v1\",\"served\":true,\"storage\":false,"
                + "\"schema\":{\"openAPIV3Schema\":{\"type\":\"object\"}}},"
                + "{\"name\":\"v2\",\"served\":true,\"storage\":true,"
                + "\"schema\":{\"openAPIV3Schema\":{\"type\":\"object\"}}}]}}");
    assertThat(moved.code()).as(moved.toString()).isEqualTo(200);
    // Objects written as v1 may still be stored: v1 stays listed.
    assertThat(moved.json().at("/status/storedVersions").toString()).isEqualTo("[\"v1\",\"v2\"]");
    assertThat(conditions(moved.json())).contains("Established=True");
  }

  private static List<String> conditions(JsonNode crd) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : crd.at("/status/conditions")) {
      out.add(c.path("type").asText() + "=" + c.path("status").asText());
    }
    return out;
  }

  @Test
  void customObjectsAreValidatedAgainstTheSchemaWithFieldPaths() {
    String group = "valid.example.com";
    http.post(CRDS, database(group).toString());
    String ns = SERVER.newNamespace();
    Http.Resp r =
        http.post(
            databases(group, ns),
            "{\"apiVersion\":\""
                + group
                + "/v1\",\"kind\":\"Database\",\"metadata\":{\"name\":\"Bad_Name\"},"
                + "\"spec\":{\"size\":\"huge\",\"replicas\":-1,\"sise\":\"x\"}}");
    assertThat(r.code()).as(r.toString()).isEqualTo(422);
    assertThat(r.reason()).isEqualTo("Invalid");
    assertThat(causes(r))
        .contains(
            "spec.size: must be one of [small, large], got \"huge\"",
            "spec.replicas: must be greater than or equal to 0",
            "spec.sise: unknown field, did you mean \"size\"?")
        .anyMatch(c -> c.startsWith("metadata.name: "));
    Http.Resp missing =
        http.post(
            databases(group, ns),
            "{\"apiVersion\":\""
                + group
                + "/v1\",\"kind\":\"Database\",\"metadata\":{\"name\":\"a\"},\"spec\":{}}");
    assertThat(causes(missing)).containsExactly("spec.size: is required");
  }

  @Test
  void theStatusSubresourceOwnsStatusAndNothingElse() {
    String group = "status.example.com";
    http.post(CRDS, database(group).toString());
    String ns = SERVER.newNamespace();
    String db = databases(group, ns) + "/orders";
    http.post(databases(group, ns), dbJson(group, ns, "orders", "small", 1));

    // Status through the main resource is ignored ...
    http.patch(db, "{\"status\":{\"ready\":7}}");
    assertThat(http.get(db).json().path("status").path("ready").isMissingNode()).isTrue();
    // ... and spec through /status is.
    Http.Resp st =
        http.patch(db + "/status", "{\"status\":{\"ready\":1},\"spec\":{\"size\":\"large\"}}");
    assertThat(st.code()).as(st.toString()).isEqualTo(200);
    JsonNode now = http.get(db).json();
    assertThat(now.at("/status/ready").asInt()).isEqualTo(1);
    assertThat(now.at("/spec/size").asText()).isEqualTo("small");
    assertThat(now.at("/metadata/generation").asInt()).isEqualTo(1);
    // A status that breaks the schema is refused with its path.
    Http.Resp bad = http.patch(db + "/status", "{\"status\":{\"ready\":\"yes\"}}");
    assertThat(bad.code()).isEqualTo(422);
    assertThat(causes(bad)).singleElement().asString().startsWith("status.ready: ");
    assertThat(http.get(db + "/scale").json().at("/status/replicas").asInt()).isEqualTo(1);
  }

  @Test
  void discoveryListsTheGroupAndItsResources() {
    String group = "disco.example.com";
    http.post(CRDS, database(group).toString());
    List<String> groups = new ArrayList<>();
    http.get("/apis").json().path("groups").forEach(g -> groups.add(g.path("name").asText()));
    assertThat(groups).contains(group, "nexus.dev");
    assertThat(http.get("/apis/" + group).json().at("/preferredVersion/version").asText())
        .isEqualTo("v1");
    JsonNode list = http.get("/apis/" + group + "/v1").json();
    assertThat(list.path("kind").asText()).isEqualTo("APIResourceList");
    List<String> names = new ArrayList<>();
    list.path("resources").forEach(r -> names.add(r.path("name").asText()));
    assertThat(names).containsExactly("databases", "databases/status", "databases/scale");
    JsonNode dbs = list.path("resources").get(0);
    assertThat(dbs.path("kind").asText()).isEqualTo("Database");
    assertThat(dbs.path("namespaced").asBoolean()).isTrue();
    assertThat(dbs.path("shortNames").get(0).asText()).isEqualTo("db");
    assertThat(dbs.path("verbs").toString()).contains("watch", "create", "patch");
  }

  @Test
  void watchAndTablesWorkForCustomKinds() throws Exception {
    String group = "watch.example.com";
    http.post(CRDS, database(group).toString());
    String ns = SERVER.newNamespace();
    String dbs = databases(group, ns);
    String rv = http.get(dbs).json().at("/metadata/resourceVersion").asText();
    try (WatchClient watch = WatchClient.open(http, dbs + "?watch=true&resourceVersion=" + rv)) {
      http.post(dbs, dbJson(group, ns, "orders", "small", 2));
      http.patch(dbs + "/orders", "{\"spec\":{\"size\":\"large\"}}");
      List<JsonNode> events = watch.changes(2, Duration.ofSeconds(10));
      assertThat(events).extracting(WatchClient::type).containsExactly("ADDED", "MODIFIED");
      assertThat(events.get(1).at("/object/spec/size").asText()).isEqualTo("large");
    }
    http.patch(dbs + "/orders/status", "{\"status\":{\"ready\":2}}");
    JsonNode table = http.get(dbs, "Accept", TABLE).json();
    List<String> columns = new ArrayList<>();
    table.path("columnDefinitions").forEach(c -> columns.add(c.path("name").asText()));
    assertThat(columns).containsExactly("Name", "Size", "Replicas", "Ready", "Age");
    assertThat(table.path("columnDefinitions").get(3).path("priority").asInt()).isEqualTo(1);
    JsonNode cells = table.path("rows").get(0).path("cells");
    assertThat(cells.get(0).asText()).isEqualTo("orders");
    assertThat(cells.get(1).asText()).isEqualTo("large");
    assertThat(cells.get(2).isIntegralNumber()).isTrue();
    assertThat(cells.get(2).asInt()).isEqualTo(2);
    assertThat(cells.get(3).asInt()).isEqualTo(2);
  }

  @Test
  void changingTheSchemaValidatesNewWritesOnly() {
    String group = "evolve.example.com";
    http.post(CRDS, database(group).toString());
    String ns = SERVER.newNamespace();
    String dbs = databases(group, ns);
    http.post(dbs, dbJson(group, ns, "old", "small", 1));
    // Only "large" allowed from now on.
    Http.Resp changed =
        http.patch(
            CRDS + "/databases." + group,
            "{\"spec\":{\"versions\":[{\"name\":\"v1\",\"served\":true,\"storage\":true,"
                + "\"subresources\":{\"status\":{}},\"schema\":{\"openAPIV3Schema\":{\"type\":"
                + "\"object\",\"properties\":{\"spec\":{\"type\":\"object\",\"properties\":{"
                + "\"size\":{\"enum\":[\"large\"]},\"replicas\":{\"type\":\"integer\"}}}}}}}]}}");
    assertThat(changed.code()).as(changed.toString()).isEqualTo(200);
    assertThat(http.get(dbs + "/old").json().at("/spec/size").asText()).isEqualTo("small");
    assertThat(http.get(dbs).json().path("items")).hasSize(1);
    Http.Resp refused = http.post(dbs, dbJson(group, ns, "new", "small", 1));
    assertThat(refused.code()).isEqualTo(422);
    assertThat(causes(refused)).containsExactly("spec.size: must be one of [large], got \"small\"");
    assertThat(http.post(dbs, dbJson(group, ns, "new", "large", 1)).code()).isEqualTo(201);
    // The scale subresource went away with the new version definition.
    assertThat(http.get(dbs + "/new/scale").code()).isEqualTo(404);
  }

  @Test
  void deletingTheCrdDeletesItsObjectsAndStopsServingTheKind() {
    String group = "gone.example.com";
    http.post(CRDS, database(group).toString());
    String ns1 = SERVER.newNamespace();
    String ns2 = SERVER.newNamespace();
    for (int i = 0; i < 5; i++) {
      http.post(databases(group, ns1), dbJson(group, ns1, "a" + i, "small", 1));
      http.post(databases(group, ns2), dbJson(group, ns2, "b" + i, "small", 1));
    }
    http.patch(
        databases(group, ns1) + "/a0", "{\"metadata\":{\"finalizers\":[\"example.com/keep\"]}}");

    Http.Resp deleted = http.delete(CRDS + "/databases." + group);
    assertThat(deleted.code()).as(deleted.toString()).isEqualTo(200);
    Http.Resp after = http.get(databases(group, ns1));
    assertThat(after.code()).isEqualTo(404);
    assertThat(after.message()).contains("Database").contains("databases." + group);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> http.get(CRDS + "/databases." + group).code() == 404);
    assertThat(
            SERVER
                .server()
                .store()
                .list(
                    "/registry/" + group + "/",
                    null,
                    0,
                    dev.nexus.apiserver.storage.Consistency.LINEARIZABLE)
                .items())
        .isEmpty();

    // Created again, the kind starts empty.
    assertThat(http.post(CRDS, database(group).toString()).code()).isEqualTo(201);
    assertThat(http.get(databases(group, ns1)).json().path("items")).isEmpty();
  }

  /**
   * A CRD that reaches this replica's store without passing through its HTTP layer (as a write
   * through another member of the group would) is served, and stops being served when it goes.
   */
  @Test
  void theServedKindsFollowTheStoreNotTheRequestPath() throws Exception {
    String group = "replicated.example.com";
    var crd = database(group);
    crd.withObject("/metadata").put("uid", "0e4c1c1e-0000-4000-8000-000000000001");
    String key = "/registry/nexus.dev/customresourcedefinitions/databases." + group;
    var store = SERVER.server().store();
    store
        .commit(
            dev.nexus.apiserver.storage.Txn.of(
                new dev.nexus.apiserver.storage.Op.Put(
                    key,
                    dev.nexus.api.codec.Json.toBytes(crd),
                    dev.nexus.apiserver.storage.Precondition.ABSENT)))
        .get();
    String ns = SERVER.newNamespace();
    Http.Resp created = http.post(databases(group, ns), dbJson(group, ns, "orders", "small", 1));
    assertThat(created.code()).as(created.toString()).isEqualTo(201);

    store
        .commit(
            dev.nexus.apiserver.storage.Txn.of(
                new dev.nexus.apiserver.storage.Op.Delete(
                    key, dev.nexus.apiserver.storage.Precondition.NONE)))
        .get();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> http.get(databases(group, ns)).code() == 404);
    // A CRD gone without its finalizer (removed by hand) still takes its objects with it.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                store
                    .list(
                        "/registry/" + group + "/",
                        null,
                        0,
                        dev.nexus.apiserver.storage.Consistency.LINEARIZABLE)
                    .items()
                    .isEmpty());
  }

  static List<String> causes(Http.Resp r) {
    List<String> out = new ArrayList<>();
    r.json()
        .at("/details/causes")
        .forEach(c -> out.add(c.path("field").asText() + ": " + c.path("message").asText()));
    return out;
  }
}
