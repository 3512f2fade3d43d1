package dev.nexus.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Delete propagation policies as the API server records them (the garbage collector does the rest)
 * and the rules for ownerReferences.
 */
class PropagationIT {
  @RegisterExtension static final ServerExtension SERVER = new ServerExtension();

  private final Http http = SERVER.http();

  private static String leases(String ns) {
    return "/apis/nexus.dev/v1/namespaces/" + ns + "/leases";
  }

  private static String lease(String ns, String name) {
    return leases(ns) + "/" + name;
  }

  private static String leaseJson(String ns, String name, String extraMetadata) {
    return """
        {"apiVersion":"nexus.dev/v1","kind":"Lease",
         "metadata":{"name":"%s","namespace":"%s"%s}}
        """
        .formatted(name, ns, extraMetadata.isEmpty() ? "" : "," + extraMetadata);
  }

  private String create(String ns, String name, String extraMetadata) {
    Http.Resp r = http.post(leases(ns), leaseJson(ns, name, extraMetadata));
    assertThat(r.code()).as(r.toString()).isEqualTo(201);
    return r.json().path("metadata").path("uid").asText();
  }

  private static List<String> finalizers(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.path("metadata").path("finalizers").forEach(f -> out.add(f.asText()));
    return out;
  }

  @Test
  void backgroundAndNoPolicyRemoveTheObjectAtOnce() {
    String ns = SERVER.newNamespace();
    create(ns, "a", "");
    create(ns, "b", "");
    assertThat(http.delete(lease(ns, "a")).code()).isEqualTo(200);
    Http.Resp b =
        http.delete(
            lease(ns, "b"), "{\"kind\":\"DeleteOptions\",\"propagationPolicy\":\"Background\"}");
    assertThat(b.code()).as(b.toString()).isEqualTo(200);
    assertThat(http.get(lease(ns, "a")).code()).isEqualTo(404);
    assertThat(http.get(lease(ns, "b")).code()).isEqualTo(404);
  }

  @Test
  void orphanMarksTheObjectWithTheOrphanFinalizerUntilTheCollectorRemovesIt() {
    String ns = SERVER.newNamespace();
    create(ns, "owner", "");
    Http.Resp r =
        http.delete(
            lease(ns, "owner"), "{\"kind\":\"DeleteOptions\",\"propagationPolicy\":\"Orphan\"}");
    assertThat(r.code()).as(r.toString()).isEqualTo(200);
    assertThat(finalizers(r.json())).containsExactly("orphan");
    assertThat(r.json().path("metadata").path("deletionTimestamp").asText()).isNotEmpty();

    JsonNode held = http.get(lease(ns, "owner")).json();
    assertThat(finalizers(held)).containsExactly("orphan");

    // What the collector does once the dependents are orphaned: the object then goes.
    Http.Resp released = http.patch(lease(ns, "owner"), "{\"metadata\":{\"finalizers\":null}}");
    assertThat(released.code()).as(released.toString()).isEqualTo(200);
    assertThat(http.get(lease(ns, "owner")).code()).isEqualTo(404);
  }

  @Test
  void foregroundFromTheQueryKeepsOtherFinalizersAndRepeatingItChangesNothing() {
    String ns = SERVER.newNamespace();
    create(ns, "owner", "\"finalizers\":[\"nexus.dev/test\"]");
    Http.Resp r = http.delete(lease(ns, "owner") + "?propagationPolicy=Foreground");
    assertThat(r.code()).as(r.toString()).isEqualTo(200);
    assertThat(finalizers(r.json())).containsExactly("nexus.dev/test", "foregroundDeletion");

    Http.Resp again = http.delete(lease(ns, "owner") + "?propagationPolicy=Foreground");
    assertThat(again.json().path("metadata").path("resourceVersion"))
        .isEqualTo(r.json().path("metadata").path("resourceVersion"));
  }

  @Test
  void anExplicitBackgroundDeleteTakesTheCollectorsFinalizersAway() {
    String ns = SERVER.newNamespace();
    create(ns, "owner", "");
    http.delete(lease(ns, "owner") + "?propagationPolicy=Foreground");
    assertThat(finalizers(http.get(lease(ns, "owner")).json()))
        .containsExactly("foregroundDeletion");

    Http.Resp switched = http.delete(lease(ns, "owner") + "?propagationPolicy=Orphan");
    assertThat(finalizers(switched.json())).containsExactly("orphan");

    http.delete(lease(ns, "owner") + "?propagationPolicy=Background");
    assertThat(http.get(lease(ns, "owner")).code()).isEqualTo(404);
  }

  @Test
  void anUnknownPolicyIsRefused() {
    String ns = SERVER.newNamespace();
    create(ns, "x", "");
    Http.Resp r = http.delete(lease(ns, "x") + "?propagationPolicy=Sideways");
    assertThat(r.code()).isEqualTo(400);
    assertThat(r.message()).contains("propagationPolicy", "Sideways");
    assertThat(http.get(lease(ns, "x")).code()).isEqualTo(200);
  }

  @Test
  void ownerReferencesMustNameTheirOwnerCompletely() {
    String ns = SERVER.newNamespace();
    Http.Resp r =
        http.post(
            leases(ns),
            leaseJson(
                ns,
                "dep",
                "\"ownerReferences\":[{\"apiVersion\":\"nexus.dev/v1\",\"kind\":\"Lease\","
                    + "\"name\":\"owner\"}]"));
    assertThat(r.code()).as(r.toString()).isEqualTo(422);
    assertThat(causeFields(r)).contains("metadata.ownerReferences[0].uid");
    assertThat(r.message()).contains("metadata.ownerReferences[0].uid");
  }

  @Test
  void atMostOneOwnerReferenceIsTheController() {
    String ns = SERVER.newNamespace();
    String a = ownerRef("a", "uid-a", true);
    String b = ownerRef("b", "uid-b", true);
    Http.Resp r =
        http.post(leases(ns), leaseJson(ns, "dep", "\"ownerReferences\":[" + a + "," + b + "]"));
    assertThat(r.code()).as(r.toString()).isEqualTo(422);
    assertThat(causeFields(r)).contains("metadata.ownerReferences[1].controller");
    assertThat(r.message()).contains("only one owner reference may have controller set to true");

    // Valid references are stored; an update that breaks the rule is refused the same way.
    String c = ownerRef("c", "uid-c", false);
    create(ns, "dep", "\"ownerReferences\":[" + a + "," + c + "]");
    Http.Resp patch =
        http.patch(
            lease(ns, "dep"),
            "{\"metadata\":{\"ownerReferences\":["
                + a
                + ","
                + ownerRef("c", "uid-c", true)
                + "]}}");
    assertThat(patch.code()).as(patch.toString()).isEqualTo(422);
    assertThat(causeFields(patch)).contains("metadata.ownerReferences[1].controller");
  }

  private static String ownerRef(String name, String uid, boolean controller) {
    return """
        {"apiVersion":"nexus.dev/v1","kind":"Lease","name":"%s","uid":"%s","controller":%s}
        """
        .formatted(name, uid, controller)
        .strip();
  }

  private static List<String> causeFields(Http.Resp r) {
    List<String> out = new ArrayList<>();
    r.json().path("details").path("causes").forEach(c -> out.add(c.path("field").asText()));
    return out;
  }
}
