package org.cutover.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.opentest4j.TestAbortedException;

class SkippedTestsReportTest {

  private static TestIdentifier test(String method) {
    TestSource source = MethodSource.from("org.cutover.mail.SomeIT", method, "");
    return TestIdentifier.from(
        new AbstractTestDescriptor(UniqueId.root("test", method), method, source) {
          @Override
          public Type getType() {
            return Type.TEST;
          }
        });
  }

  private static String printedAtTheEnd(SkippedTestsReport report) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      report.testPlanExecutionFinished(null);
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void listsAbortedTestsByReasonWhenTheRunEnds() {
    SkippedTestsReport report = new SkippedTestsReport();
    TestExecutionResult noDovecot =
        TestExecutionResult.aborted(new TestAbortedException("Dovecot is not installed"));
    report.executionFinished(test("copies"), noDovecot);
    report.executionFinished(test("resumes"), noDovecot);
    report.executionFinished(test("passes"), TestExecutionResult.successful());
    report.executionSkipped(test("later"), "not ready");

    String printed = printedAtTheEnd(report);

    assertThat(printed)
        .contains("Skipped in this run (3), and why:")
        .contains("  Dovecot is not installed\n    SomeIT.copies, SomeIT.resumes")
        .contains("  disabled: not ready\n    SomeIT.later")
        .doesNotContain("passes");
  }

  @Test
  void printsNothingWhenNothingWasSkipped() {
    SkippedTestsReport report = new SkippedTestsReport();
    report.executionFinished(test("passes"), TestExecutionResult.successful());

    assertThat(printedAtTheEnd(report)).isEmpty();
  }
}
