package dev.nexus.e2e.linearizability;

import dev.nexus.e2e.history.Call;
import dev.nexus.e2e.history.Op;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Why a key's history is not linearizable. {@code prefix} is the smallest prefix of the history (in
 * real-time order of completions) that cannot be linearized: it ends when {@code offending}
 * completes, and every prefix ending earlier can be. {@code possibleValues} are the values the
 * register could hold, under every linearization of what came before, at the point where {@code
 * offending} had to take effect; none of them allows it. {@code involved} are the operations of the
 * prefix that overlap that point: the last writes that definitely completed before it and
 * everything concurrent with them or with it.
 */
public record Counterexample(
    String key,
    Op offending,
    List<String> possibleValues,
    List<Op> prefix,
    List<Op> involved,
    long originNanos) {

  public Counterexample {
    possibleValues = List.copyOf(possibleValues);
    prefix = List.copyOf(prefix);
    involved = List.copyOf(involved);
  }

  public String describe() {
    String values =
        possibleValues.stream().map(Call::quote).collect(Collectors.joining(", ", "{", "}"));
    StringBuilder out = new StringBuilder();
    out.append("key ")
        .append(key)
        .append(": NOT LINEARIZABLE. The smallest non-linearizable prefix has ")
        .append(prefix.size())
        .append(" ops and ends when op ")
        .append(offending.id())
        .append(" completes.\n");
    out.append("op ")
        .append(offending.id())
        .append(' ')
        .append(offending.call().describe())
        .append(" cannot take effect: the register could only hold ")
        .append(values)
        .append(" then.\n");
    out.append("operations involved (times from the first operation):\n");
    for (Op op : involved) {
      out.append(op == offending ? "  >> " : "     ").append(op.describe(originNanos)).append('\n');
    }
    return out.toString();
  }
}
