package dev.nexus.ctl;

import dev.nexus.api.codec.ManifestException;
import dev.nexus.api.error.ApiException;
import dev.nexus.client.ConfigException;
import dev.nexus.ctl.commands.ApiResourcesCommand;
import dev.nexus.ctl.commands.ApplyCommand;
import dev.nexus.ctl.commands.ClusterCommand;
import dev.nexus.ctl.commands.ConfigCommand;
import dev.nexus.ctl.commands.CreateCommand;
import dev.nexus.ctl.commands.DeleteCommand;
import dev.nexus.ctl.commands.DescribeCommand;
import dev.nexus.ctl.commands.DiffCommand;
import dev.nexus.ctl.commands.GetCommand;
import dev.nexus.ctl.commands.ReplaceCommand;
import dev.nexus.ctl.commands.VersionCommand;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code nexusctl}: the command line of Nexus. {@link #run} is the whole program (tests call it);
 * {@link #main} only adds {@code System.exit}. Every failure is one {@code error: ...} line on
 * standard error: exit code 1, or 2 for a command line that does not parse.
 */
@Command(
    name = "nexusctl",
    mixinStandardHelpOptions = true,
    versionProvider = ClientVersion.class,
    description = "Controls a Nexus cluster: apply manifests, read and watch objects.",
    subcommands = {
      ApplyCommand.class,
      DiffCommand.class,
      CreateCommand.class,
      ReplaceCommand.class,
      GetCommand.class,
      DescribeCommand.class,
      DeleteCommand.class,
      ApiResourcesCommand.class,
      VersionCommand.class,
      ConfigCommand.class,
      ClusterCommand.class
    })
public final class Nexusctl implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Spec CommandSpec spec;

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;
  private Session session;

  private Nexusctl(InputStream in, PrintStream out, PrintStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /** Runs one command line; returns its exit code. Standard input is {@link System#in}. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.in, out, err);
  }

  /** Runs one command line with {@code in} as standard input ({@code apply -f -}). */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    Nexusctl root = new Nexusctl(in, out, err);
    CommandLine cl = new CommandLine(root);
    cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          err.println("error: " + oneLineMessage(e));
          return 1;
        });
    cl.setParameterExceptionHandler(
        (e, parsed) -> {
          err.println(
              "error: "
                  + oneLine(e.getMessage())
                  + " (see `"
                  + e.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help`)");
          return 2;
        });
    try {
      return cl.execute(args);
    } finally {
      if (root.session != null) {
        root.session.close();
      }
    }
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(out);
    return 0;
  }

  public InputStream in() {
    return in;
  }

  public PrintStream out() {
    return out;
  }

  public PrintStream err() {
    return err;
  }

  /**
   * The session for this invocation; {@code leaf} holds the options given after the subcommand,
   * which win over those given before it.
   */
  public Session session(ConnectionOptions leaf) {
    if (session == null) {
      session = (leaf == null ? connection : leaf.orElse(connection)).session();
    }
    return session;
  }

  /** The one-line text of a failure: the message users act on, never a stack trace. */
  public static String oneLineMessage(Throwable e) {
    if (e instanceof ApiException
        || e instanceof ConfigException
        || e instanceof CtlException
        || e instanceof ManifestException
        || e instanceof IllegalArgumentException) {
      return oneLine(e.getMessage());
    }
    if (e instanceof UncheckedIOException u && u.getCause() != null) {
      return oneLine(u.getCause().getMessage());
    }
    return oneLine(e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  private static String oneLine(String s) {
    return s == null ? "unknown error" : s.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
