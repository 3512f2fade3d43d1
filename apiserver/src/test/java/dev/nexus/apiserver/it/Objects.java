package dev.nexus.apiserver.it;

/** Request bodies the tests send. */
final class Objects {
  static final String WORKLOADS = "/apis/nexus.dev/v1/namespaces/%s/workloads";

  private Objects() {}

  static String workloads(String ns) {
    return WORKLOADS.formatted(ns);
  }

  static String workload(String ns, String name) {
    return workloads(ns) + "/" + name;
  }

  static String workloadJson(String ns, String name, int replicas) {
    return workloadJson(ns, name, replicas, "web");
  }

  static String workloadJson(String ns, String name, int replicas, String app) {
    return """
        {"apiVersion":"nexus.dev/v1","kind":"Workload",
         "metadata":{"name":"%s","namespace":"%s","labels":{"app":"%s"}},
         "spec":{"replicas":%d,"selector":{"matchLabels":{"app":"%s"}},
                 "template":{"metadata":{"labels":{"app":"%s"}},
                             "spec":{"runtime":"process","command":["/bin/sleep","3600"]}}}}
        """
        .formatted(name, ns, app, replicas, app, app);
  }

  static String workloadYaml(String ns, String name, int replicas) {
    return """
        apiVersion: nexus.dev/v1
        kind: Workload
        metadata:
          name: %s
          namespace: %s
          labels: {app: web}
        spec:
          replicas: %d
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              runtime: container
              image: localhost/busybox:1.35
              command: ["/bin/httpd", "-f", "-p", "8080"]
        """
        .formatted(name, ns, replicas);
  }
}
