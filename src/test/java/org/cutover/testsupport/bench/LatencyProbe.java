package org.cutover.testsupport.bench;

import java.util.ArrayList;
import java.util.List;

/** Times one GET every second on a thread of its own until stopped. */
final class LatencyProbe {

  private final BenchApi api;
  private final String path;
  private final List<Double> seconds = new ArrayList<>();
  private volatile boolean running = true;
  private volatile long bytes;
  private final Thread thread;

  private LatencyProbe(BenchApi api, String path) {
    this.api = api;
    this.path = path;
    this.thread = new Thread(this::loop, "get-latency");
    thread.setDaemon(true);
  }

  static LatencyProbe start(BenchApi api, String path) {
    LatencyProbe probe = new LatencyProbe(api, path);
    probe.thread.start();
    return probe;
  }

  private void loop() {
    while (running) {
      BenchApi.Answer answer;
      try {
        answer = api.get(path);
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

  /** The largest answer seen, in characters. */
  long bytes() {
    return bytes;
  }
}
