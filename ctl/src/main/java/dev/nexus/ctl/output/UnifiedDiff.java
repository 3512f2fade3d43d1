package dev.nexus.ctl.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff in unified format ({@code diff -u}) with three lines of context. The common prefix
 * and suffix are stripped first, so the quadratic longest-common-subsequence table only spans the
 * changed middle, which for manifests is small.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  private record Edit(char op, String line, int aLine, int bLine) {}

  /** The diff of {@code a} to {@code b}, or the empty string when they are equal. */
  public static String diff(String aName, String bName, List<String> a, List<String> b) {
    List<Edit> edits = edits(a, b);
    if (edits.stream().allMatch(e -> e.op() == ' ')) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(aName).append('\n');
    out.append("+++ ").append(bName).append('\n');
    int i = 0;
    while (i < edits.size()) {
      if (edits.get(i).op() == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      // Extend the hunk while the next change is within 2*CONTEXT unchanged lines.
      int lastChange = i;
      for (int j = i; j < edits.size() && j - lastChange <= 2 * CONTEXT; j++) {
        if (edits.get(j).op() != ' ') {
          lastChange = j;
        }
      }
      int end = Math.min(edits.size() - 1, lastChange + CONTEXT);
      out.append(hunk(edits.subList(start, end + 1)));
      i = end + 1;
    }
    return out.toString();
  }

  private static String hunk(List<Edit> edits) {
    int aStart = -1;
    int bStart = -1;
    int aCount = 0;
    int bCount = 0;
    StringBuilder body = new StringBuilder();
    for (Edit e : edits) {
      if (e.op() != '+') {
        aCount++;
        aStart = aStart < 0 ? e.aLine() : aStart;
      }
      if (e.op() != '-') {
        bCount++;
        bStart = bStart < 0 ? e.bLine() : bStart;
      }
      body.append(e.op()).append(e.line()).append('\n');
    }
    // An empty side is reported as the line before it, per the unified format.
    int aFirst = aCount == 0 ? firstBefore(edits, true) : aStart + 1;
    int bFirst = bCount == 0 ? firstBefore(edits, false) : bStart + 1;
    return "@@ -" + range(aFirst, aCount) + " +" + range(bFirst, bCount) + " @@\n" + body;
  }

  private static int firstBefore(List<Edit> edits, boolean aSide) {
    Edit first = edits.get(0);
    return aSide ? first.aLine() : first.bLine();
  }

  private static String range(int start, int count) {
    return count == 1 ? String.valueOf(start) : start + "," + count;
  }

  private static List<Edit> edits(List<String> a, List<String> b) {
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.size() - prefix
        && suffix < b.size() - prefix
        && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
      suffix++;
    }
    int n = a.size() - prefix - suffix;
    int m = b.size() - prefix - suffix;
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(prefix + i).equals(b.get(prefix + j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Edit> out = new ArrayList<>();
    for (int k = 0; k < prefix; k++) {
      out.add(new Edit(' ', a.get(k), k, k));
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(prefix + i).equals(b.get(prefix + j))) {
        out.add(new Edit(' ', a.get(prefix + i), prefix + i, prefix + j));
        i++;
        j++;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        out.add(new Edit('-', a.get(prefix + i), prefix + i, prefix + j));
        i++;
      } else {
        out.add(new Edit('+', b.get(prefix + j), prefix + i, prefix + j));
        j++;
      }
    }
    for (int k = 0; k < suffix; k++) {
      out.add(new Edit(' ', a.get(prefix + n + k), prefix + n + k, prefix + m + k));
    }
    return out;
  }
}
