package dev.nexus.launcher;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (or "dev" when run from classes). */
public final class NexusVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Nexus.class.getPackage().getImplementationVersion();
    return new String[] {"nexus " + (v == null ? "dev" : v)};
  }
}
