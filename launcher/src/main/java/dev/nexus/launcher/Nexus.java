package dev.nexus.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code nexus} command. */
@Command(
    name = "nexus",
    mixinStandardHelpOptions = true,
    versionProvider = NexusVersion.class,
    description = "Runs Nexus.",
    subcommands = {
      UpCommand.class,
      ServerCommand.class,
      ControllersCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Nexus {

  public static void main(String[] args) {
    org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
    org.slf4j.bridge.SLF4JBridgeHandler.install();
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Nexus());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("nexus: " + LauncherErrors.describe(e));
          return 1;
        });
    return cli;
  }
}
