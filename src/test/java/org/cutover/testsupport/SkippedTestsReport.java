package org.cutover.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, when a test run ends, which tests were skipped and why (a server that is not installed,
 * say), grouped by reason, so that a green build says plainly what it did not test. Registered for
 * Surefire and Failsafe alike through {@code META-INF/services}.
 */
public final class SkippedTestsReport implements TestExecutionListener {

  private static final int NAMES_SHOWN = 6;

  private final Map<String, List<String>> byReason = new TreeMap<>();

  @Override
  public synchronized void executionSkipped(TestIdentifier test, String reason) {
    record(test, "disabled: " + reason);
  }

  @Override
  public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      record(
          test,
          result
              .getThrowable()
              .map(t -> String.valueOf(t.getMessage()))
              .orElse("aborted without a reason"));
    }
  }

  private void record(TestIdentifier test, String reason) {
    String name = name(test);
    if (name != null) {
      byReason.computeIfAbsent(reason.strip(), r -> new ArrayList<>()).add(name);
    }
  }

  /** Class#method for a test, "Class (all its tests)" for a class; null for other containers. */
  private static String name(TestIdentifier test) {
    TestSource source = test.getSource().orElse(null);
    if (source instanceof MethodSource m) {
      String cls = m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1);
      return cls + "." + m.getMethodName() + (test.isTest() ? "" : " (all its cases)");
    }
    if (source instanceof ClassSource c) {
      return c.getJavaClass().getSimpleName() + " (all its tests)";
    }
    return null;
  }

  @Override
  public synchronized void testPlanExecutionFinished(TestPlan plan) {
    if (byReason.isEmpty()) {
      return;
    }
    int total = byReason.values().stream().mapToInt(List::size).sum();
    StringBuilder out = new StringBuilder();
    out.append(System.lineSeparator())
        .append("Skipped in this run (")
        .append(total)
        .append("), and why:")
        .append(System.lineSeparator());
    byReason.forEach(
        (reason, names) -> {
          out.append("  ").append(reason).append(System.lineSeparator()).append("    ");
          out.append(String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size()))));
          if (names.size() > NAMES_SHOWN) {
            out.append(" and ").append(names.size() - NAMES_SHOWN).append(" more");
          }
          out.append(System.lineSeparator());
        });
    System.out.print(out);
    System.out.flush();
    byReason.clear();
  }
}
