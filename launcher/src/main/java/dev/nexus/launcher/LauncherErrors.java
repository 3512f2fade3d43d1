package dev.nexus.launcher;

import java.net.BindException;

/** Turns start-up failures into one line a user can act on. */
final class LauncherErrors {
  private LauncherErrors() {}

  static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException
          || String.valueOf(t.getMessage()).contains("Address already in use")) {
        return "the port is already in use (is another `nexus up` running?); pick one with --port";
      }
      if (t instanceof org.lmdbjava.Env.FileInvalidException
          || t instanceof org.lmdbjava.LmdbNativeException) {
        return "cannot open the data directory's database: " + t.getMessage();
      }
    }
    String msg = e.getMessage();
    return msg == null ? e.getClass().getSimpleName() : msg;
  }
}
