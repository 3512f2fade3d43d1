package dev.nexus.ctl;

import dev.nexus.api.crd.CustomResourceDefinitions;
import dev.nexus.api.crd.PrinterColumn;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.ClientConfig;
import dev.nexus.client.ConfigException;
import dev.nexus.client.NexusClient;
import dev.nexus.ctl.kinds.KindResolver;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What one {@code nexusctl} invocation talks to, built lazily from the global options: the config
 * file, the context, the client, the discovered kinds and the namespace. Closing it closes the
 * client.
 */
public final class Session implements AutoCloseable {
  private final Path configPath;
  private final String contextName;
  private final String serverOverride;
  private final String namespaceOption;
  private ClientConfig config;
  private ClientConfig.Context context;
  private NexusClient client;
  private KindResolver kinds;

  public Session(Path configPath, String contextName, String serverOverride, String namespace) {
    this.configPath = configPath == null ? ClientConfig.defaultPath() : configPath;
    this.contextName = contextName;
    this.serverOverride = serverOverride;
    this.namespaceOption = namespace;
  }

  public Path configPath() {
    return configPath;
  }

  /** The config as stored (empty when the file does not exist). */
  public ClientConfig storedConfig() {
    if (config == null) {
      config = ClientConfig.load(configPath);
    }
    return config;
  }

  /**
   * The context in use: {@code --context}, else the current one; with no config file at all, the
   * built-in default that points at {@code nexus up}'s address.
   */
  public ClientConfig.Context context() {
    if (context == null) {
      ClientConfig c = storedConfig();
      if (contextName != null) {
        context = c.context(contextName);
      } else if (c.contexts().isEmpty() && !Files.exists(configPath)) {
        context = ClientConfig.builtinDefault().current();
      } else {
        context = c.current();
      }
    }
    return context;
  }

  public NexusClient client() {
    if (client == null) {
      if (serverOverride != null) {
        try {
          client = NexusClient.forServer(URI.create(serverOverride));
        } catch (IllegalArgumentException e) {
          throw new ConfigException("--server: " + e.getMessage());
        }
      } else {
        client = NexusClient.forContext(context());
      }
    }
    return client;
  }

  /** The kinds the server serves (discovered once per invocation). */
  public KindResolver kinds() {
    if (kinds == null) {
      kinds = new KindResolver(client().discover());
    }
    return kinds;
  }

  /** Forgets discovered kinds, e.g. after a CustomResourceDefinition was applied. */
  public KindResolver rediscover() {
    kinds = null;
    return kinds();
  }

  /**
   * A custom kind's {@code additionalPrinterColumns}, read from its CustomResourceDefinition
   * ({@code <plural>.<group>}); empty for built-in kinds and when the CRD cannot be read.
   */
  public List<PrinterColumn> printerColumns(KindInfo kind) {
    if (kind.group().equals(BuiltinKinds.GROUP)) {
      return List.of();
    }
    try {
      ApiObject crd =
          client()
              .get(
                  BuiltinKinds.CUSTOM_RESOURCE_DEFINITION,
                  null,
                  kind.plural() + "." + kind.group());
      return CustomResourceDefinitions.columns(crd.node(), kind.version());
    } catch (ApiException e) {
      if (e instanceof dev.nexus.client.ConnectionException) {
        throw e;
      }
      return List.of(); // not a CRD-defined kind, or not readable: NAME and AGE
    }
  }

  public KindInfo kind(String typed) {
    return kinds().resolve(typed);
  }

  /**
   * {@code -n}, else the context's namespace, else {@code default}. With {@code --server} a broken
   * or missing config is no reason to fail: the namespace is then {@code default}.
   */
  public String namespace() {
    if (namespaceOption != null) {
      return namespaceOption;
    }
    try {
      return context().namespaceOrDefault();
    } catch (ConfigException e) {
      if (serverOverride != null && contextName == null) {
        return "default";
      }
      throw e;
    }
  }

  /** Whether the user named a namespace with {@code -n}. */
  public boolean namespaceExplicit() {
    return namespaceOption != null;
  }

  public List<KindInfo> allKinds() {
    return kinds().all();
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
  }
}
