/**
 * Watch fan-out: {@link dev.nexus.apiserver.storage.watch.WatchHub} delivers every applied event to
 * the matching watches exactly once and in revision order, replaying history (an in-memory ring,
 * else LMDB) before switching a watch to live delivery, all on one dispatcher thread.
 */
package dev.nexus.apiserver.storage.watch;
