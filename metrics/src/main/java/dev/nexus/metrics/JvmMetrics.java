package dev.nexus.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JVM basics an operator looks at first: heap and non-heap memory, threads, uptime. */
public final class JvmMetrics {
  private JvmMetrics() {}

  public static void register(MetricsRegistry registry) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    registry.gauge(
        "jvm_memory_used_bytes",
        "Used bytes of a given JVM memory area.",
        List.of("area"),
        () -> {
          Map<List<String>, Double> m = new LinkedHashMap<>();
          m.put(List.of("heap"), (double) memory.getHeapMemoryUsage().getUsed());
          m.put(List.of("nonheap"), (double) memory.getNonHeapMemoryUsage().getUsed());
          return m;
        });
    registry.gauge(
        "jvm_memory_committed_bytes",
        "Committed bytes of a given JVM memory area.",
        List.of("area"),
        () -> {
          Map<List<String>, Double> m = new LinkedHashMap<>();
          m.put(List.of("heap"), (double) memory.getHeapMemoryUsage().getCommitted());
          m.put(List.of("nonheap"), (double) memory.getNonHeapMemoryUsage().getCommitted());
          return m;
        });
    registry.gauge(
        "jvm_memory_max_bytes",
        "Maximum heap size in bytes (-1 when unbounded).",
        () -> (double) memory.getHeapMemoryUsage().getMax());
    registry.gauge(
        "jvm_threads_current",
        "Current platform thread count of the JVM (virtual threads are not counted).",
        () -> (double) threads.getThreadCount());
    registry.gauge(
        "jvm_threads_peak",
        "Peak platform thread count.",
        () -> (double) threads.getPeakThreadCount());
    registry.gauge(
        "process_uptime_seconds",
        "Seconds since the JVM started.",
        () -> ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
  }
}
