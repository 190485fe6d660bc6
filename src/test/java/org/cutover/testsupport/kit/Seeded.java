package org.cutover.testsupport.kit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random choices that depend only on a text key (seed, user, message number), so that the corpus is
 * the same on every run, machine and JVM.
 */
final class Seeded {

  private final SplittableRandom random;

  Seeded(String key) {
    byte[] hash = KitImap.sha256().digest(key.getBytes(StandardCharsets.UTF_8));
    this.random = new SplittableRandom(ByteBuffer.wrap(hash).getLong());
  }

  int between(int lo, int hiExclusive) {
    return random.nextInt(lo, hiExclusive);
  }

  long between(long lo, long hiExclusive) {
    return random.nextLong(lo, hiExclusive);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  double unit() {
    return random.nextDouble();
  }

  <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  void fill(byte[] bytes) {
    for (int i = 0; i < bytes.length; i += 8) {
      long r = random.nextLong();
      for (int j = i; j < Math.min(bytes.length, i + 8); j++) {
        bytes[j] = (byte) r;
        r >>>= 8;
      }
    }
  }
}
