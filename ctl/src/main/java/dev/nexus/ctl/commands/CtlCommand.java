package dev.nexus.ctl.commands;

import dev.nexus.ctl.ConnectionOptions;
import dev.nexus.ctl.Nexusctl;
import dev.nexus.ctl.Session;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand shares: the streams and the session of this invocation. */
abstract class CtlCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** The options given after the subcommand; null for commands that take none. */
  protected abstract ConnectionOptions connection();

  protected Nexusctl root() {
    return (Nexusctl) spec.root().userObject();
  }

  protected Session session() {
    return root().session(connection());
  }

  protected PrintStream out() {
    return root().out();
  }

  protected PrintStream err() {
    return root().err();
  }
}
