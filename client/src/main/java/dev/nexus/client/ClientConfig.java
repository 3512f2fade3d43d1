package dev.nexus.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nexus.api.codec.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The client config file, YAML, by default {@code ~/.nexus/config} ({@code NEXUS_CONFIG} overrides
 * the location):
 *
 * <pre>
 * currentContext: local
 * contexts:
 * - name: local
 *   server: http://127.0.0.1:7420
 *   namespace: default
 * - name: prod                      # a cluster: servers lists its other members
 *   server: http://10.0.0.1:7420
 *   servers: [http://10.0.0.2:7420, http://10.0.0.3:7420]
 * </pre>
 *
 * Immutable: the {@code with*} methods return changed copies and {@link #save(Path)} writes one.
 *
 * @param currentContext the name of the context used when none is named, may be null
 * @param contexts the known servers, by unique name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientConfig(String currentContext, List<Context> contexts) {

  /** Where {@code nexus up} listens by default; used when no config file exists yet. */
  public static final String DEFAULT_SERVER = "http://127.0.0.1:7420";

  /** The environment variable that overrides {@link #defaultPath()}. */
  public static final String ENV_VAR = "NEXUS_CONFIG";

  /**
   * One named server.
   *
   * @param name unique name of the context
   * @param server base URL, e.g. {@code http://127.0.0.1:7420}
   * @param namespace the namespace used when a command names none, may be null ({@code default})
   * @param servers more base URLs of the same cluster (its other members), tried in order after
   *     {@code server} when one cannot be reached; may be null
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Context(String name, String server, String namespace, List<String> servers) {
    public Context {
      if (name == null || name.isBlank()) {
        throw new ConfigException("a context needs a name");
      }
      if (server != null) {
        checkServerUrl(name, server);
      }
      servers = servers == null ? List.of() : List.copyOf(servers);
      for (String s : servers) {
        checkServerUrl(name, s);
      }
    }

    /** A context of one server. */
    public Context(String name, String server, String namespace) {
      this(name, server, namespace, List.of());
    }

    /** {@code server} first, then {@code servers}, without repeats. */
    public List<String> allServers() {
      List<String> out = new ArrayList<>();
      if (server != null && !server.isBlank()) {
        out.add(server);
      }
      servers.stream().filter(s -> !out.contains(s)).forEach(out::add);
      return out;
    }

    /** The context's namespace, or {@code default}. */
    public String namespaceOrDefault() {
      return namespace == null || namespace.isBlank() ? "default" : namespace;
    }
  }

  public ClientConfig {
    contexts = contexts == null ? List.of() : List.copyOf(contexts);
  }

  /** A config with no contexts. */
  public static ClientConfig empty() {
    return new ClientConfig(null, List.of());
  }

  /**
   * What a client uses when no config file exists: one context {@code local} pointing at {@link
   * #DEFAULT_SERVER}.
   */
  public static ClientConfig builtinDefault() {
    return new ClientConfig("local", List.of(new Context("local", DEFAULT_SERVER, "default")));
  }

  /** {@code $NEXUS_CONFIG} when set, else {@code ~/.nexus/config}. */
  public static Path defaultPath() {
    String env = System.getenv(ENV_VAR);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".nexus", "config");
  }

  /** Reads a config file; a file that does not exist reads as {@link #empty()}. */
  public static ClientConfig load(Path path) {
    if (!Files.exists(path)) {
      return empty();
    }
    try {
      byte[] bytes = Files.readAllBytes(path);
      if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
        return empty();
      }
      ClientConfig config = Json.YAML.readValue(bytes, ClientConfig.class);
      return config == null ? empty() : config.checked(path);
    } catch (IOException e) {
      if (e.getCause() instanceof ConfigException bad) {
        throw new ConfigException("Nexus config " + path + ": " + bad.getMessage(), e);
      }
      throw new ConfigException(
          "cannot read Nexus config " + path + ": " + firstLine(e.getMessage()), e);
    }
  }

  /** Writes this config to {@code path} atomically, creating parent directories. */
  public void save(Path path) {
    try {
      Path dir = path.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".config", ".tmp");
      Files.writeString(tmp, Json.YAML.writeValueAsString(this));
      try {
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new ConfigException("cannot write Nexus config " + path + ": " + e.getMessage(), e);
    }
  }

  public Optional<Context> find(String name) {
    return contexts.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The context called {@code name}; a clear error when there is none. */
  public Context context(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new ConfigException(
                    "context \""
                        + name
                        + "\" not found; known contexts: "
                        + (contexts.isEmpty() ? "<none>" : String.join(", ", names()))));
  }

  /** The current context; a clear error when none is set or it does not exist. */
  public Context current() {
    if (currentContext == null || currentContext.isBlank()) {
      throw new ConfigException(
          "no current context is set; run `nexusctl config use-context NAME` or pass --context");
    }
    return context(currentContext);
  }

  public List<String> names() {
    return contexts.stream().map(Context::name).toList();
  }

  /** Adds {@code context}, or replaces the one with the same name in place. */
  public ClientConfig withContext(Context context) {
    List<Context> out = new ArrayList<>(contexts);
    int i = names().indexOf(context.name());
    if (i >= 0) {
      out.set(i, context);
    } else {
      out.add(context);
    }
    return new ClientConfig(currentContext, out);
  }

  /** Makes {@code name} the current context; it must exist. */
  public ClientConfig withCurrentContext(String name) {
    context(name);
    return new ClientConfig(name, contexts);
  }

  /** Removes the context called {@code name}; it must exist. Clears the current one if it was. */
  public ClientConfig withoutContext(String name) {
    context(name);
    List<Context> out = contexts.stream().filter(c -> !c.name().equals(name)).toList();
    return new ClientConfig(name.equals(currentContext) ? null : currentContext, out);
  }

  /** Rejects a server URL that is not {@code http(s)://HOST[:PORT]}, naming the context. */
  static void checkServerUrl(String context, String server) {
    try {
      java.net.URI uri = new java.net.URI(server);
      boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      if (http && uri.getHost() != null) {
        return;
      }
    } catch (java.net.URISyntaxException e) {
      // Reported below with the same message as any other malformed URL.
    }
    throw new ConfigException(
        "context \""
            + context
            + "\": server URL \""
            + server
            + "\" must look like http://HOST:PORT");
  }

  private ClientConfig checked(Path path) {
    List<String> seen = new ArrayList<>();
    for (Context c : contexts) {
      if (seen.contains(c.name())) {
        throw new ConfigException(
            "Nexus config " + path + ": context \"" + c.name() + "\" is defined twice");
      }
      seen.add(c.name());
    }
    return this;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
