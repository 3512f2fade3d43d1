package dev.nexus.examples.staticsite;

import dev.nexus.api.error.ApiException;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.client.ClientConfig;
import dev.nexus.client.ConfigException;
import dev.nexus.client.NexusClient;
import dev.nexus.client.controller.Manager;
import dev.nexus.client.controller.Predicates;

/** Runs the StaticSite controller against nexusctl's current context until Ctrl-C. */
public final class StaticSiteController {
  static final String GROUP = "examples.nexus.dev";

  public static void main(String[] args) throws InterruptedException {
    try {
      var context = ClientConfig.load(ClientConfig.defaultPath()).current(); // as nexusctl does
      NexusClient client = NexusClient.forContext(context);
      Manager manager = register(Manager.builder(client).name("static-site-controller").build());
      Runtime.getRuntime().addShutdownHook(new Thread(manager::close));
      manager.start();
      System.err.println("static-site-controller: reconciling StaticSites at " + context.server());
    } catch (ConfigException | ApiException | IllegalStateException e) {
      System.err.println("static-site-controller: " + e.getMessage());
      System.exit(1);
    }
    Thread.currentThread().join(); // the workers run on their own threads
  }

  /** Adds the StaticSite controller to {@code manager}; call before {@code manager.start()}. */
  public static Manager register(Manager manager) {
    KindInfo sites =
        manager.client().discover().stream()
            .filter(k -> k.group().equals(GROUP) && k.kind().equals("StaticSite"))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "kind StaticSite is not served: apply its CRD from"
                            + " examples/static-site-controller/manifests/ first"));
    manager
        .controller("static-site")
        .forKind(sites)
        .withPredicate(Predicates.generationChanged()) // skip our own status writes
        .owns(BuiltinKinds.WORKLOAD) // its status.readyReplicas feeds ours
        .owns(BuiltinKinds.SERVICE)
        .build(
            new StaticSiteReconciler(
                manager.client(), sites, manager.eventRecorder("static-site")));
    return manager;
  }
}
