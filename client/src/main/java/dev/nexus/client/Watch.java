package dev.nexus.client;

/** A running watch. {@link #close()} stops it; the listener then sees {@code onClose(null)}. */
public interface Watch extends AutoCloseable {
  /** Whether the stream is still delivering events. */
  boolean isOpen();

  @Override
  void close();
}
