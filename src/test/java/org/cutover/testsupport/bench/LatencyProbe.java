package org.cutover.testsupport.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Times one GET every second on a thread of its own until stopped, and beside it, to tell where the
 * time goes, GETs of the same view without its mailbox page and of the engine's activity tree.
 */
final class LatencyProbe {

  private final BenchApi api;
  private final String path;
  private final List<Double> seconds = new ArrayList<>();
  private final List<Double> summarySeconds = new ArrayList<>();
  private final List<Double> treeSeconds = new ArrayList<>();
  private final String treePath;
  private volatile boolean running = true;
  private volatile long bytes;
  private final Thread thread;

  private LatencyProbe(BenchApi api, String path, String treePath) {
    this.api = api;
    this.path = path;
    this.treePath = treePath;
    this.thread = new Thread(this::loop, "get-latency");
    thread.setDaemon(true);
  }

  static LatencyProbe start(BenchApi api, String path, String treePath) {
    LatencyProbe probe = new LatencyProbe(api, path, treePath);
    probe.thread.start();
    return probe;
  }

  private void loop() {
    while (running) {
      BenchApi.Answer answer;
      try {
        answer = api.get(path);
        double summary = api.get(path + "?mailboxes=none").nanos() / 1e9;
        double tree = api.get(treePath).nanos() / 1e9;
        synchronized (seconds) {
          summarySeconds.add(summary);
          treeSeconds.add(tree);
        }
      } catch (IllegalStateException stopped) {
        if (!running) {
          return;
        }
        throw stopped;
      }
      synchronized (seconds) {
        seconds.add(answer.nanos() / 1e9);
      }
      bytes = Math.max(bytes, answer.body().length());
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Stops after the request in flight; the latencies in seconds. */
  List<Double> stop() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join();
    synchronized (seconds) {
      return List.copyOf(seconds);
    }
  }

  /** The view without its mailbox page, in seconds. */
  List<Double> summarySeconds() {
    synchronized (seconds) {
      return List.copyOf(summarySeconds);
    }
  }

  /** The engine's activity tree of the migration's runbook, in seconds. */
  List<Double> treeSeconds() {
    synchronized (seconds) {
      return List.copyOf(treeSeconds);
    }
  }

  /** The largest answer seen, in characters. */
  long bytes() {
    return bytes;
  }
}
