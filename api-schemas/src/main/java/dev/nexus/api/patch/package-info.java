/**
 * JSON merge patch (RFC 7386) and the three-way merge of declarative apply.
 *
 * <p>Contract: functions of their inputs, which they never modify; results share no mutable nodes
 * with the inputs. Arrays are always replaced whole.
 */
package dev.nexus.api.patch;
