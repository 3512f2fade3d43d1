package dev.nexus.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.api.codec.Json;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryDecoderTest {
  @Test
  void resourceListBecomesKindsWithSubresourceFlags() throws Exception {
    var list =
        Json.MAPPER.readTree(
            """
            {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"nexus.dev/v1","resources":[
              {"name":"workloads","singularName":"workload","namespaced":true,"kind":"Workload",
               "verbs":["get","list"],"shortNames":["wl"]},
              {"name":"workloads/status","singularName":"","namespaced":true,"kind":"Workload",
               "verbs":["get","update"]},
              {"name":"workloads/scale","singularName":"","namespaced":true,"kind":"Scale",
               "verbs":["get","update"]},
              {"name":"nodes","singularName":"node","namespaced":false,"kind":"Node",
               "verbs":["get"],"shortNames":["no"]}]}
            """);
    List<KindInfo> kinds = DiscoveryDecoder.kinds(list);
    assertThat(kinds).hasSize(2);
    KindInfo wl = kinds.get(0);
    assertThat(wl.kind()).isEqualTo("Workload");
    assertThat(wl.apiVersion()).isEqualTo("nexus.dev/v1");
    assertThat(wl.namespaced()).isTrue();
    assertThat(wl.statusSubresource()).isTrue();
    assertThat(wl.scaleSubresource()).isTrue();
    assertThat(wl.shortNames()).containsExactly("wl");
    assertThat(wl.schemaResource()).isEqualTo(BuiltinKinds.WORKLOAD.schemaResource());
    assertThat(kinds.get(1).namespaced()).isFalse();
    assertThat(kinds.get(1).statusSubresource()).isFalse();
  }

  @Test
  void groupListOffersEveryGroupVersion() throws Exception {
    var groups =
        Json.MAPPER.readTree(
            """
            {"kind":"APIGroupList","groups":[
              {"name":"nexus.dev","versions":[{"groupVersion":"nexus.dev/v1","version":"v1"}]},
              {"name":"acme.io","versions":[{"groupVersion":"acme.io/v1","version":"v1"},
                                            {"groupVersion":"acme.io/v2","version":"v2"}]}]}
            """);
    assertThat(DiscoveryDecoder.groupVersions(groups))
        .containsExactly("nexus.dev/v1", "acme.io/v1", "acme.io/v2");
  }
}
