package dev.nexus.apiserver.storage;

/** A live watch; closing it stops delivery. */
public interface WatchRegistration extends AutoCloseable {
  @Override
  void close();
}
