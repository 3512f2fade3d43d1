package dev.nexus.e2e.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Delays everything one network namespace sends on an interface, like {@code tc qdisc add dev IFACE
 * root netem delay D}: a {@link DelayRelay} process in the namespace owns a tap device, and a tc
 * clsact egress filter redirects every frame of the interface into it. Closing removes the filter
 * and ends the relay.
 */
final class EgressDelay implements AutoCloseable {
  private static final String TAP = "nxdelay0";

  private final List<String> enter;
  private final String iface;
  private final Process relay;

  private EgressDelay(List<String> enter, String iface, Process relay) {
    this.enter = enter;
    this.iface = iface;
    this.relay = relay;
  }

  static EgressDelay start(List<String> enter, String iface, Duration delay) {
    List<String> cmd = new ArrayList<>(enter);
    cmd.addAll(
        List.of(
            dev.nexus.launcher.ServerCommandLine.hostJava(),
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            classes(),
            DelayRelay.class.getName(),
            iface,
            TAP,
            Long.toString(delay.toMillis())));
    Process relay;
    try {
      relay = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(relay.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      if (!"READY".equals(first)) {
        relay.destroyForcibly();
        throw new IllegalStateException("the delay relay did not start: " + first);
      }
      Thread.ofVirtual().start(() -> out.lines().forEach(l -> System.err.println("relay: " + l)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    EgressDelay d = new EgressDelay(enter, iface, relay);
    d.in("ip", "link", "set", TAP, "up");
    d.in("tc", "qdisc", "replace", "dev", iface, "clsact");
    d.in(
        "tc",
        "filter",
        "add",
        "dev",
        iface,
        "egress",
        "protocol",
        "all",
        "u32",
        "match",
        "u32",
        "0",
        "0",
        "action",
        "mirred",
        "egress",
        "redirect",
        "dev",
        TAP);
    return d;
  }

  /** Where this class was loaded from: the relay needs nothing else. */
  private static String classes() {
    try {
      return Path.of(DelayRelay.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private void in(String... cmd) {
    List<String> full = new ArrayList<>(enter);
    full.addAll(List.of(cmd));
    Commands.run(full.toArray(String[]::new));
  }

  @Override
  public void close() {
    List<String> full = new ArrayList<>(enter);
    full.addAll(List.of("tc", "qdisc", "del", "dev", iface, "clsact"));
    Commands.attempt(full, 30);
    relay.destroyForcibly();
    try {
      relay.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
