package dev.nexus.testing;

import dev.nexus.apiserver.ApiServerConfig;
import dev.nexus.apiserver.storage.raft.StoreConfig;
import dev.nexus.client.NexusClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The JUnit 5 extension behind {@link NexusTest}: one real API server per test class, started
 * before the first test and stopped after the last, injected as {@link NexusClient} and {@link
 * TestServer} into fields (static or not) and into parameters of constructors, lifecycle methods
 * and tests.
 *
 * <p>Nested test classes share their enclosing class's server. To tune what the annotation does not
 * cover, register it yourself instead of using {@code @NexusTest}:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final NexusServerExtension SERVER =
 *     NexusServerExtension.builder()
 *         .store(s -> s.watchHistoryWindow(20))
 *         .server(b -> b.commitTimeout(Duration.ofSeconds(5)))
 *         .build();
 * }</pre>
 */
public final class NexusServerExtension
    implements BeforeAllCallback, TestInstancePostProcessor, ParameterResolver {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(NexusServerExtension.class);
  private static final String KEY = "server";

  private final UnaryOperator<StoreConfig.Builder> store;
  private final UnaryOperator<ApiServerConfig.Builder> server;

  /** The extension as {@link NexusTest} registers it: settings come from the annotation. */
  public NexusServerExtension() {
    this(b -> b, b -> b);
  }

  private NexusServerExtension(
      UnaryOperator<StoreConfig.Builder> store, UnaryOperator<ApiServerConfig.Builder> server) {
    this.store = store;
    this.server = server;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    serverFor(context);
    injectFields(context, null, context.getRequiredTestClass());
  }

  @Override
  public void postProcessTestInstance(Object instance, ExtensionContext context) {
    injectFields(context, instance, instance.getClass());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == NexusClient.class || type == TestServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return valueFor(parameter.getParameter().getType(), serverFor(context));
  }

  /** The server of the nearest enclosing class context that has one, started on first use. */
  private TestServer serverFor(ExtensionContext context) {
    // Stores look up their parents, so a nested class finds its outer class's server.
    Holder existing = context.getStore(NS).get(KEY, Holder.class);
    if (existing != null) {
      return existing.server;
    }
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext
        .getStore(NS)
        .getOrComputeIfAbsent(KEY, k -> start(context.getRequiredTestClass()), Holder.class)
        .server;
  }

  private Holder start(Class<?> testClass) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("nexus-test-");
      StoreConfig.Builder s = StoreConfig.builder(dir).watchCacheRevisions(256);
      ApiServerConfig.Builder b =
          ApiServerConfig.builder(null).readyTimeout(Duration.ofSeconds(30));
      NexusTest settings = findAnnotation(testClass);
      if (settings != null) {
        if (settings.watchHistoryWindow() > 0) {
          s.watchHistoryWindow(settings.watchHistoryWindow());
        }
        if (settings.watchCacheRevisions() > 0) {
          s.watchCacheRevisions(settings.watchCacheRevisions());
        }
        if (settings.bookmarkIntervalMillis() > 0) {
          b.bookmarkInterval(Duration.ofMillis(settings.bookmarkIntervalMillis()));
        }
        if (settings.watchQueueCapacity() > 0) {
          b.watchQueueCapacity(settings.watchQueueCapacity());
        }
      }
      b.store(store.apply(s).build());
      return new Holder(new TestServer(dir, server.apply(b).build()));
    } catch (IOException e) {
      deleteRecursively(dir);
      throw new UncheckedIOException("could not start an API server for " + testClass, e);
    } catch (RuntimeException e) {
      deleteRecursively(dir);
      throw e;
    }
  }

  private static NexusTest findAnnotation(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      NexusTest a = c.getAnnotation(NexusTest.class);
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  private void injectFields(ExtensionContext context, Object instance, Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        boolean isStatic = Modifier.isStatic(f.getModifiers());
        if ((instance == null) != isStatic
            || Modifier.isFinal(f.getModifiers())
            || (f.getType() != NexusClient.class && f.getType() != TestServer.class)) {
          continue;
        }
        try {
          f.setAccessible(true);
          f.set(instance, valueFor(f.getType(), serverFor(context)));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("could not inject " + c.getName() + "." + f.getName(), e);
        }
      }
    }
  }

  private static Object valueFor(Class<?> type, TestServer server) {
    return type == TestServer.class ? server : server.client();
  }

  static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + dir, e);
    }
  }

  /**
   * Stops the server and deletes its directory when the class's context closes (JUnit closes {@link
   * AutoCloseable} store values).
   */
  private record Holder(TestServer server) implements AutoCloseable {
    @Override
    public void close() {
      try {
        server.close();
      } finally {
        deleteRecursively(server.dataDir());
      }
    }
  }

  /** Builds an extension with settings beyond what {@link NexusTest} offers. */
  public static final class Builder {
    private UnaryOperator<StoreConfig.Builder> store = b -> b;
    private UnaryOperator<ApiServerConfig.Builder> server = b -> b;

    private Builder() {}

    /** Changes the storage configuration (the data directory is set by the extension). */
    public Builder store(UnaryOperator<StoreConfig.Builder> change) {
      store = Objects.requireNonNull(change, "store");
      return this;
    }

    /** Changes the API server configuration (its storage is set by the extension). */
    public Builder server(UnaryOperator<ApiServerConfig.Builder> change) {
      server = Objects.requireNonNull(change, "server");
      return this;
    }

    public NexusServerExtension build() {
      return new NexusServerExtension(store, server);
    }
  }
}
