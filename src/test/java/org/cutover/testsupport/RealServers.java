package org.cutover.testsupport;

import org.junit.jupiter.api.Assumptions;

/**
 * Decides what a test does when a real server it needs is not installed: on a developer's machine
 * it is skipped with the reason, in CI ({@code CI=true}) it fails, so a missing install step can
 * never turn into a green build that tested nothing.
 */
public final class RealServers {

  private RealServers() {}

  public static boolean inCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Skips (or, in CI, fails) the calling test when {@code available} is false. */
  public static void require(boolean available, String what) {
    if (available) {
      return;
    }
    String reason = what + " is not installed";
    if (inCi()) {
      throw new AssertionError(reason + " (CI=true: .ci/run must install it)");
    }
    Assumptions.abort(reason + "; skipping (install it to run this test)");
  }
}
