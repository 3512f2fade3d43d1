package dev.nexus.ctl.commands;

import dev.nexus.api.codec.Document;
import dev.nexus.client.ConnectionException;
import dev.nexus.ctl.Nexusctl;
import dev.nexus.ctl.Session;
import dev.nexus.ctl.apply.ManifestLoader;
import dev.nexus.ctl.apply.Target;
import dev.nexus.ctl.apply.TargetResolver;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * Runs an action on every document of the manifests {@code -f} names, like kubectl: a document that
 * fails is reported as one line naming its file and index, and the others still run; the exit code
 * tells whether any failed. A server that cannot be reached stops the run at once.
 */
final class DocumentRunner {
  interface Action {
    void run(Target target);
  }

  private final Session session;
  private final PrintStream err;
  private int failures;

  DocumentRunner(Session session, PrintStream err) {
    this.session = session;
    this.err = err;
  }

  /** Loads the documents (reporting unreadable files) in apply order, or reversed. */
  List<Document> load(FileOptions files, InputStream stdin, boolean reverse) {
    ManifestLoader.Loaded loaded = ManifestLoader.load(files.files, files.recursive, stdin);
    loaded.errors().forEach(this::fail);
    List<Document> ordered = TargetResolver.applyOrder(loaded.documents());
    return reverse ? ordered.reversed() : ordered;
  }

  void each(List<Document> documents, TargetResolver resolver, Action action) {
    for (Document doc : documents) {
      Target target = null;
      try {
        target = resolver.resolve(doc);
        action.run(target);
      } catch (ConnectionException e) {
        throw e;
      } catch (RuntimeException e) {
        fail(doc.where() + ": " + about(target, Nexusctl.oneLineMessage(e)));
      }
    }
  }

  /** Names the object when the server's message does not (e.g. its namespace is missing). */
  private static String about(Target target, String message) {
    if (target == null || message.contains("\"" + target.name() + "\"")) {
      return message;
    }
    return target.kind().kind() + " \"" + target.name() + "\": " + message;
  }

  void fail(String message) {
    err.println("error: " + message);
    failures++;
  }

  int failures() {
    return failures;
  }

  Session session() {
    return session;
  }
}
