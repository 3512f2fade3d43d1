package dev.nexus.launcher;

import dev.nexus.apiserver.ApiServer;
import dev.nexus.client.NexusClient;
import dev.nexus.controllers.Controllers;
import dev.nexus.controllers.ControllersOptions;
import java.net.URI;

/**
 * The built-in controllers inside {@code nexus up}: a client of the server in this process, the
 * server's own metrics registry (so its /metrics shows the controllers too), and a fixed identity,
 * so a restarted {@code nexus up} takes its Lease back at once instead of waiting for it to expire.
 */
final class InProcessControllers implements AutoCloseable {
  private final NexusClient client;
  private final Controllers controllers;

  private InProcessControllers(NexusClient client, Controllers controllers) {
    this.client = client;
    this.controllers = controllers;
  }

  static InProcessControllers start(ApiServer server) {
    NexusClient client = NexusClient.forServer(URI.create(server.url()));
    ControllersOptions options =
        ControllersOptions.defaults()
            .withIdentity("nexus-up-" + ControllersOptions.hostName())
            .withMetrics(server.metrics());
    return new InProcessControllers(client, Controllers.start(client, options));
  }

  /**
   * Stops the controllers (reconciles in progress finish, the Lease is released), then the client.
   */
  @Override
  public void close() {
    controllers.close();
    client.close();
  }
}
