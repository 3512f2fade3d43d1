package dev.nexus.e2e.cluster;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A netem-style egress delay for kernels without the netem qdisc (like this machine's): run inside
 * a member's network namespace, it creates a tap device; {@link EgressDelay} redirects every frame
 * the member's interface sends into the tap (tc clsact + mirred), and this program sends each frame
 * out of the interface again {@code delay} later, through a packet socket that bypasses the qdisc
 * (so the redirect does not catch it twice). Order is kept; nothing is dropped.
 *
 * <p>{@code java DelayRelay IFACE TAP DELAY_MS}; prints {@code READY} once the tap exists.
 */
public final class DelayRelay {
  private static final Linker LINKER = Linker.nativeLinker();
  private static final StructLayout ERRNO = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO_VALUE =
      ERRNO.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));

  private static final int O_RDWR = 2;
  private static final long TUNSETIFF = 0x400454caL;
  private static final short IFF_TAP = 0x0002;
  private static final short IFF_NO_PI = 0x1000;
  private static final int AF_PACKET = 17;
  private static final int SOCK_RAW = 3;
  private static final int SOL_PACKET = 263;
  private static final int PACKET_QDISC_BYPASS = 20;

  private record Frame(long dueNanos, byte[] bytes) {}

  private DelayRelay() {}

  public static void main(String[] args) throws Throwable {
    String iface = args[0];
    String tap = args[1];
    long delayNanos = Long.parseLong(args[2]) * 1_000_000L;
    Arena arena = Arena.global();
    MemorySegment errno = arena.allocate(ERRNO);

    int tapFd =
        (int)
            call(
                "open",
                FunctionDescriptor.of(
                    ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
                errno,
                arena.allocateFrom("/dev/net/tun"),
                O_RDWR);
    MemorySegment ifreq = arena.allocate(40);
    ifreq.setString(0, tap);
    ifreq.set(ValueLayout.JAVA_SHORT, 16, (short) (IFF_TAP | IFF_NO_PI));
    MethodHandle ioctl =
        LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("ioctl"),
            FunctionDescriptor.of(
                ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT,
                ValueLayout.JAVA_LONG,
                ValueLayout.ADDRESS),
            Linker.Option.firstVariadicArg(2),
            Linker.Option.captureCallState("errno"));
    check("ioctl(TUNSETIFF)", (int) ioctl.invokeExact(errno, tapFd, TUNSETIFF, ifreq), errno);

    // Protocol 0: this socket only sends; it receives nothing.
    int sock =
        (int)
            call(
                "socket",
                FunctionDescriptor.of(
                    ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT),
                errno,
                AF_PACKET,
                SOCK_RAW,
                0);
    int ifindex =
        (int)
            call(
                "if_nametoindex",
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS),
                errno,
                arena.allocateFrom(iface));
    MemorySegment sll = arena.allocate(20);
    sll.set(ValueLayout.JAVA_SHORT, 0, (short) AF_PACKET);
    sll.set(ValueLayout.JAVA_INT, 4, ifindex);
    call(
        "bind",
        FunctionDescriptor.of(
            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
        errno,
        sock,
        sll,
        20);
    MemorySegment one = arena.allocateFrom(ValueLayout.JAVA_INT, 1);
    call(
        "setsockopt",
        FunctionDescriptor.of(
            ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT,
            ValueLayout.ADDRESS,
            ValueLayout.JAVA_INT),
        errno,
        sock,
        SOL_PACKET,
        PACKET_QDISC_BYPASS,
        one,
        4);

    MethodHandle read =
        handle(
            "read",
            FunctionDescriptor.of(
                ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS,
                ValueLayout.JAVA_LONG));
    MethodHandle write =
        handle(
            "write",
            FunctionDescriptor.of(
                ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS,
                ValueLayout.JAVA_LONG));
    LinkedBlockingQueue<Frame> queue = new LinkedBlockingQueue<>();
    Thread sender =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  MemorySegment out = Arena.ofConfined().allocate(65536);
                  try {
                    while (true) {
                      Frame f = queue.take();
                      long wait = f.dueNanos() - System.nanoTime();
                      if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                      }
                      MemorySegment.copy(
                          f.bytes(), 0, out, ValueLayout.JAVA_BYTE, 0, f.bytes().length);
                      long sent =
                          (long) write.invokeExact(errno, sock, out, (long) f.bytes().length);
                      if (sent < 0) {
                        System.err.println(
                            "DelayRelay: send failed, errno " + ERRNO_VALUE.get(errno, 0L));
                      }
                    }
                  } catch (Throwable e) {
                    e.printStackTrace();
                    System.exit(1);
                  }
                });
    System.out.println("READY");
    System.out.flush();
    MemorySegment in = arena.allocate(65536);
    while (sender.isAlive()) {
      long n = (long) read.invokeExact(errno, tapFd, in, 65536L);
      if (n < 0) {
        throw new IllegalStateException(
            "read from tap failed, errno " + ERRNO_VALUE.get(errno, 0L));
      }
      queue.add(
          new Frame(
              System.nanoTime() + delayNanos, in.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE)));
    }
  }

  private static MethodHandle handle(String name, FunctionDescriptor fd) {
    return LINKER.downcallHandle(
        LINKER.defaultLookup().findOrThrow(name), fd, Linker.Option.captureCallState("errno"));
  }

  private static long call(String name, FunctionDescriptor fd, MemorySegment errno, Object... args)
      throws Throwable {
    Object[] all = new Object[args.length + 1];
    all[0] = errno;
    System.arraycopy(args, 0, all, 1, args.length);
    Object r = handle(name, fd).invokeWithArguments(all);
    long v = ((Number) r).longValue();
    if (v < 0 || (name.equals("if_nametoindex") && v == 0)) {
      throw new IllegalStateException(name + " failed, errno " + ERRNO_VALUE.get(errno, 0L));
    }
    return v;
  }

  private static void check(String what, int r, MemorySegment errno) {
    if (r < 0) {
      throw new IllegalStateException(what + " failed, errno " + ERRNO_VALUE.get(errno, 0L));
    }
  }
}
