/**
 * Operation histories for checking Nexus against a register / compare-and-set model.
 *
 * <p>Clients of a fault scenario call {@link dev.nexus.e2e.history.HistoryRecorder#invoke} just
 * before each request and complete the returned handle with its outcome: {@code ok} (with the value
 * a read saw), {@code fail} (the server refused it, so it certainly had no effect) or {@code info}
 * (timeout, reset connection, 5xx, leader change mid-request: it may or may not take effect, at any
 * time after its invocation). Times are {@link java.lang.System#nanoTime()} on the one JVM that
 * runs every client, so they are comparable across threads. {@link
 * dev.nexus.e2e.history.HistoryJson} writes and reads histories as JSON lines so a failing run can
 * be kept and checked again.
 *
 * <p>Classifying outcomes is the caller's job, and the one place a mistake makes the checker
 * unsound: call {@code fail} only when the server certainly did nothing (a 409 on a stale
 * resourceVersion or an existing name, a 400/422, a 404 on a replace); anything else that is not a
 * success, including a 503 or 500 from a member that lost its leader after forwarding, is {@code
 * info}.
 */
package dev.nexus.e2e.history;
