package dev.nexus.api.validation;

import static dev.nexus.api.validation.Fixtures.workload;
import static dev.nexus.api.validation.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.error.Status;
import dev.nexus.api.kinds.BuiltinKinds;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectValidatorTest {
  private static final ObjectValidator VALIDATOR = new ObjectValidator();

  private static List<Status.Cause> validateWorkload(ObjectNode o) {
    return VALIDATOR.validate(BuiltinKinds.WORKLOAD, o);
  }

  @Test
  void theDesignDocumentsWorkloadAndServiceAreValid() {
    assertThat(validateWorkload(workload())).isEmpty();
    assertThat(VALIDATOR.validate(BuiltinKinds.SERVICE, yaml(Fixtures.SERVICE))).isEmpty();
  }

  @Test
  void aWrongTypeNamesTheFieldAndBothTypes() {
    ObjectNode o = workload();
    o.with("spec").put("replicas", "three");
    assertThat(validateWorkload(o))
        .extracting(Status.Cause::field, Status.Cause::message, Status.Cause::reason)
        .containsExactly(
            tuple("spec.replicas", "must be an integer, got string", Reasons.TYPE_INVALID));
  }

  @Test
  void aNumberOutOfRangeNamesTheArrayIndex() {
    ObjectNode o = workload();
    o.withObject("/spec/template/spec").withObject("/ports/0").put("containerPort", 70000);
    assertThat(validateWorkload(o))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(
            tuple(
                "spec.template.spec.ports[0].containerPort",
                "must be less than or equal to 65535"));
  }

  @Test
  void negativeReplicasBreakTheMinimum() {
    ObjectNode o = workload();
    o.with("spec").put("replicas", -1);
    assertThat(validateWorkload(o))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(tuple("spec.replicas", "must be greater than or equal to 0"));
  }

  @Test
  void missingFieldsAreNamedFromTheRoot() {
    ObjectNode o = workload();
    o.remove("metadata");
    o.remove("spec");
    assertThat(validateWorkload(o))
        .extracting(Status.Cause::field, Status.Cause::message, Status.Cause::reason)
        .containsExactlyInAnyOrder(
            tuple("metadata", "is required", Reasons.REQUIRED),
            tuple("spec", "is required", Reasons.REQUIRED));
  }

  @Test
  void aMissingNameIsReportedOnce() {
    ObjectNode o = workload();
    o.with("metadata").remove("name");
    assertThat(validateWorkload(o))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(tuple("metadata.name", "is required"));
  }

  @Test
  void anEnumListsTheAllowedValues() {
    ObjectNode o = workload();
    o.withObject("/spec/strategy").put("type", "Rolling");
    assertThat(validateWorkload(o))
        .extracting(Status.Cause::field, Status.Cause::message, Status.Cause::reason)
        .containsExactly(
            tuple(
                "spec.strategy.type",
                "must be one of [RollingUpdate, Recreate], got \"Rolling\"",
                Reasons.NOT_SUPPORTED));
  }

  @Test
  void aMisspeltFieldIsUnknownWithASuggestion() {
    ObjectNode o = workload();
    o.with("spec").put("replica", 3);
    o.with("spec").put("frobnicate", true);
    assertThat(validateWorkload(o))
        .extracting(Status.Cause::field, Status.Cause::message, Status.Cause::reason)
        .containsExactlyInAnyOrder(
            tuple("spec.replica", "unknown field, did you mean \"replicas\"?", Reasons.UNKNOWN),
            tuple("spec.frobnicate", "unknown field", Reasons.UNKNOWN));
  }

  @Test
  void aTopLevelTypoIsCaught() {
    ObjectNode o = workload();
    o.set("sepc", o.get("spec"));
    assertThat(validateWorkload(o))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(tuple("sepc", "unknown field, did you mean \"spec\"?"));
  }

  @Test
  void aProbeNeedsExactlyOneHandler() {
    ObjectNode o = workload();
    ObjectNode probe = o.withObject("/spec/template/spec/readinessProbe");
    probe.remove("httpGet");
    assertThat(validateWorkload(o))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(
            tuple(
                "spec.template.spec.readinessProbe",
                "must set exactly one of [httpGet, tcpSocket, exec]"));
    probe.putObject("httpGet").put("port", 8080);
    probe.putObject("tcpSocket").put("port", "http");
    assertThat(validateWorkload(o))
        .extracting(Status.Cause::message)
        .containsExactly("must set exactly one of [httpGet, tcpSocket, exec]");
  }

  @Test
  void aContainerNeedsAnImageAndAProcessACommand() {
    ObjectNode o = workload();
    o.withObject("/spec/template/spec").remove("image");
    assertThat(validateWorkload(o))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(tuple("spec.template.spec.image", "is required"));
    o.withObject("/spec/template/spec").put("runtime", "process").remove("command");
    assertThat(validateWorkload(o))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(tuple("spec.template.spec.command", "is required"));
  }

  @Test
  void patternsExplainTheirRule() {
    ObjectNode o = workload();
    o.withObject("/spec/template/spec/resources/requests").put("memory", "64 megs");
    o.withObject("/spec/strategy/rollingUpdate").put("maxSurge", "lots");
    assertThat(validateWorkload(o))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactlyInAnyOrder(
            tuple(
                "spec.template.spec.resources.requests.memory",
                "must be a quantity such as 100m, 0.5, 2, 64Mi or 1Gi"),
            tuple(
                "spec.strategy.rollingUpdate.maxSurge",
                "must be a non-negative integer or a percentage such as 25%"));
  }

  @Test
  void quantitiesAcceptNumbersAndSuffixes() {
    ObjectNode o = workload();
    ObjectNode requests = o.withObject("/spec/template/spec/resources/requests");
    for (String q : List.of("1", "0.5", "100m", "64Mi", "1Gi", "2k", "1e3", "1.5G")) {
      requests.put("memory", q);
      assertThat(validateWorkload(o)).as(q).isEmpty();
    }
    requests.put("cpu", 2);
    assertThat(validateWorkload(o)).isEmpty();
    requests.put("cpu", -1);
    assertThat(validateWorkload(o))
        .extracting(Status.Cause::field)
        .containsExactly("spec.template.spec.resources.requests.cpu");
  }

  @Test
  void aPortMayBeNamed() {
    ObjectNode o = workload();
    o.withObject("/spec/template/spec/readinessProbe/httpGet").put("port", "http");
    assertThat(validateWorkload(o)).isEmpty();
    o.withObject("/spec/template/spec/readinessProbe/httpGet").put("port", "HTTP PORT");
    assertThat(validateWorkload(o))
        .extracting(Status.Cause::field)
        .containsExactly("spec.template.spec.readinessProbe.httpGet.port");
  }

  @Test
  void badTimestampsAreRejected() {
    ObjectNode o = workload();
    o.with("metadata").put("creationTimestamp", "yesterday");
    assertThat(validateWorkload(o))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(
            tuple(
                "metadata.creationTimestamp",
                "must be an RFC 3339 date-time such as 2024-05-01T12:00:00Z"));
    o.with("metadata").put("creationTimestamp", "2024-05-01T12:00:00Z");
    assertThat(validateWorkload(o)).isEmpty();
    o.with("metadata").putNull("creationTimestamp");
    assertThat(validateWorkload(o)).isEmpty();
  }

  @Test
  void envelopeMismatchesAreNamed() {
    ObjectNode o = workload();
    o.put("apiVersion", "apps/v1");
    o.put("kind", "Deployment");
    assertThat(validateWorkload(o))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactlyInAnyOrder(
            tuple("apiVersion", "must be \"nexus.dev/v1\", got \"apps/v1\""),
            tuple("kind", "must be \"Workload\", got \"Deployment\""));
  }

  @Test
  void nameRulesApplyAfterTheSchema() {
    ObjectNode o = workload();
    o.with("metadata").put("name", "Web..1");
    o.with("metadata").with("labels").put("app", "-bad");
    assertThat(validateWorkload(o))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactlyInAnyOrder(
            tuple(
                "metadata.name",
                "must consist of lowercase letters, digits, '-' and '.' (found 'W')"),
            tuple(
                "metadata.labels.app", "invalid value: must start and end with a letter or digit"));
  }

  @Test
  void labelValuesMustBeStrings() {
    ObjectNode o = workload();
    o.with("metadata").with("labels").put("version", 2);
    assertThat(validateWorkload(o))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(tuple("metadata.labels.version", "must be a string, got integer"));
  }

  @Test
  void scopeDecidesWhetherANamespaceIsAllowed() {
    ObjectNode o = workload();
    o.with("metadata").remove("namespace");
    assertThat(validateWorkload(o))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(tuple("metadata.namespace", "is required: Workload is namespaced"));
    ObjectNode node =
        yaml("{apiVersion: nexus.dev/v1, kind: Node, metadata: {name: n1, namespace: x}}");
    assertThat(VALIDATOR.validate(BuiltinKinds.NODE, node))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(tuple("metadata.namespace", "must not be set: Node is cluster-scoped"));
  }

  @Test
  void theProgressDeadlineMustExceedMinReadySeconds() {
    ObjectNode o = workload();
    o.with("spec").put("minReadySeconds", 30).put("progressDeadlineSeconds", 30);
    assertThat(validateWorkload(o))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(
            tuple(
                "spec.progressDeadlineSeconds",
                "must be greater than spec.minReadySeconds (30): an instance cannot count as"
                    + " available before the deadline otherwise"));
    o.with("spec").put("progressDeadlineSeconds", 31);
    assertThat(validateWorkload(o)).isEmpty();
  }

  @Test
  void aSelectorMustMatchTheTemplate() {
    ObjectNode o = workload();
    o.withObject("/spec/template/metadata/labels").put("app", "api");
    assertThat(validateWorkload(o))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(
            tuple("spec.selector", "does not match spec.template.metadata.labels (\"app=web\")"));
    o.with("spec").remove("selector");
    assertThat(validateWorkload(o)).isEmpty();
    o.withObject("/spec/template/metadata").remove("labels");
    assertThat(validateWorkload(o))
        .extracting(Status.Cause::field)
        .containsExactly("spec.template.metadata.labels");
  }

  @Test
  void portNamesAndVolumeMountsAreCrossChecked() {
    ObjectNode o = workload();
    ArrayNode ports = o.withObject("/spec/template/spec").withArray("ports");
    ports.addObject().put("name", "http").put("containerPort", 9090);
    o.withObject("/spec/template/spec")
        .withArray("volumeMounts")
        .addObject()
        .put("name", "data")
        .put("mountPath", "/data");
    assertThat(validateWorkload(o))
        .extracting(Status.Cause::field, Status.Cause::reason)
        .containsExactlyInAnyOrder(
            tuple("spec.template.spec.ports[1].name", Reasons.DUPLICATE),
            tuple("spec.template.spec.volumeMounts[0].name", Reasons.INVALID));
  }

  @Test
  void serviceRules() {
    ObjectNode svc = yaml(Fixtures.SERVICE);
    svc.withObject("/spec").withArray("ports").addObject().put("port", 80);
    assertThat(VALIDATOR.validate(BuiltinKinds.SERVICE, svc))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactlyInAnyOrder(
            tuple("spec.ports[1].name", "is required when a service has more than one port"),
            tuple("spec.ports[1].port", "duplicates spec.ports[0] (80/TCP)"));
    ObjectNode noPorts = yaml(Fixtures.SERVICE);
    noPorts.withObject("/spec").putArray("ports");
    assertThat(VALIDATOR.validate(BuiltinKinds.SERVICE, noPorts))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(tuple("spec.ports", "must have at least one item"));
    ObjectNode badName = yaml(Fixtures.SERVICE);
    badName.with("metadata").put("name", "1web");
    assertThat(VALIDATOR.validate(BuiltinKinds.SERVICE, badName))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(tuple("metadata.name", "must start with a lowercase letter"));
  }

  @Test
  void autoscalerBounds() {
    ObjectNode as =
        yaml(
            """
            apiVersion: nexus.dev/v1
            kind: Autoscaler
            metadata: {name: web, namespace: demo}
            spec:
              targetRef: {kind: Workload, name: web}
              minReplicas: 5
              maxReplicas: 2
              metrics: [{type: custom, target: {averageValue: 10}}]
            """);
    assertThat(VALIDATOR.validate(BuiltinKinds.AUTOSCALER, as))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(tuple("spec.metrics[0].name", "is required"));
    as.withObject("/spec").withObject("/metrics/0").put("name", "rps");
    assertThat(VALIDATOR.validate(BuiltinKinds.AUTOSCALER, as))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(
            tuple("spec.minReplicas", "must be less than or equal to spec.maxReplicas (2)"));
    as.withObject("/spec").put("minReplicas", 0);
    assertThat(VALIDATOR.validate(BuiltinKinds.AUTOSCALER, as))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(tuple("spec.minReplicas", "must be greater than or equal to 1"));
    as.withObject("/spec").put("minReplicas", 1);
    as.withObject("/spec")
        .withObject("/metrics/0")
        .withObject("target")
        .put("averageUtilization", 50);
    assertThat(VALIDATOR.validate(BuiltinKinds.AUTOSCALER, as))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(
            tuple(
                "spec.metrics[0].target",
                "must set only one of [averageUtilization, averageValue]"));
  }

  @Test
  void policyPeersNeedSomething() {
    ObjectNode pol =
        yaml(
            """
            apiVersion: nexus.dev/v1
            kind: Policy
            metadata: {name: p, namespace: demo}
            spec:
              selector: {matchLabels: {app: web}}
              network: {ingress: [{from: [{}], ports: [{port: 8080}]}]}
            """);
    assertThat(VALIDATOR.validate(BuiltinKinds.POLICY, pol))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(
            tuple(
                "spec.network.ingress[0].from[0]",
                "must set at least one of [selector, namespaceSelector, cidr, except]"));
  }

  @Test
  void checkThrowsTheApiError() {
    ObjectNode o = workload();
    o.with("spec").put("replicas", "x");
    assertThatThrownBy(() -> VALIDATOR.check(BuiltinKinds.WORKLOAD, o))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(422);
              assertThat(e.reason()).isEqualTo("Invalid");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Workload \"web\" is invalid: spec.replicas: must be an integer, got string");
              assertThat(e.status().details().causes()).hasSize(1);
            });
  }

  @Test
  void validationIsThreadSafe() throws Exception {
    ObjectNode bad = workload();
    bad.with("spec").put("replicas", -3);
    List<Status.Cause> expected = validateWorkload(bad);
    List<Thread> threads = new java.util.ArrayList<>();
    java.util.concurrent.ConcurrentLinkedQueue<List<Status.Cause>> results =
        new java.util.concurrent.ConcurrentLinkedQueue<>();
    ObjectValidator fresh = new ObjectValidator();
    for (int i = 0; i < 8; i++) {
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    for (int j = 0; j < 50; j++) {
                      results.add(fresh.validate(BuiltinKinds.WORKLOAD, bad));
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(results).hasSize(400).allSatisfy(r -> assertThat(r).isEqualTo(expected));
  }
}
