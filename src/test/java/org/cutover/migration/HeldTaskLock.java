package org.cutover.migration;

/** A task lock that is always held, for tests that run passes outside the worker. */
public final class HeldTaskLock implements TaskLock {

  public static final TaskLock HELD = new HeldTaskLock();

  private HeldTaskLock() {}

  @Override
  public String worker() {
    return "test-worker";
  }

  @Override
  public String lostReason() {
    return null;
  }
}
