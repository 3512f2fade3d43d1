/**
 * A linearizability checker for a register / compare-and-set model, keyed by register: a Wing–Gong
 * search with Lowe's memoization of (linearized set, register value) configurations, the algorithm
 * of Porcupine and of Knossos's "wgl" checker.
 *
 * <p>{@link dev.nexus.e2e.linearizability.LinearizabilityChecker#check} answers per key: {@link
 * dev.nexus.e2e.linearizability.Verdict.Linearizable}, {@link
 * dev.nexus.e2e.linearizability.Verdict.NotLinearizable} with a {@link
 * dev.nexus.e2e.linearizability.Counterexample} (the smallest prefix that cannot be linearized, the
 * operation that cannot take effect, the values the register could hold then, and the operations
 * around it), or {@link dev.nexus.e2e.linearizability.Verdict.Unknown} when the {@link
 * dev.nexus.e2e.linearizability.Budget} runs out. Unknown is not a pass.
 *
 * <p>Semantics, as in Knossos: {@code ok} operations took effect once, somewhere between invocation
 * and completion; {@code fail} operations never took effect; {@code info} operations may take
 * effect at any time after invocation, or never (their completion is +infinity). Intervals that
 * touch count as overlapping.
 *
 * <h2>Mapping Nexus onto the model</h2>
 *
 * <ul>
 *   <li><b>A register is one object</b> (kind, namespace, name); the key is its path. Its value is
 *       one field the clients own, e.g. {@code spec.replicas} or an annotation such as {@code
 *       e2e.nexus.dev/value}; "absent" ({@code null}) is the object not existing. Write values
 *       unique to each write (client id and a counter): a unique value read tells exactly which
 *       write it came from, which is what makes lost and stale data visible and keeps the search
 *       linear.
 *   <li><b>write</b> = create (when absent) or PUT/replace without a resourceVersion precondition.
 *       A create that answers 409 AlreadyExists is {@code fail}; a delete is {@code write(null)}.
 *   <li><b>compare-and-set</b> = replace carrying {@code metadata.resourceVersion} of the object
 *       whose value the client read: expected = that value, new = the value written. 200 is {@code
 *       ok}; 409 Conflict is {@code fail} (the precondition did not hold, nothing was written).
 *   <li><b>read</b> = GET (linearizable by default: served through the Raft read index). 404 is
 *       {@code ok} with value {@code null}. A {@code resourceVersion=0} GET is served from a
 *       member's local state and is allowed to be stale: never record it as a read here.
 *   <li>Timeouts, reset connections, 5xx and a member answering "no leader" are {@code info}: a
 *       forwarded write may commit after the client gave up. Record them, never drop them.
 * </ul>
 *
 * <p>Cost: linear in the history for the usual case (few clients, unique values), exponential in
 * the worst case (many indeterminate writes of values that were read by someone); the budget turns
 * the latter into Unknown. Indeterminate writes whose values nobody read are pruned before the
 * search.
 */
package dev.nexus.e2e.linearizability;
