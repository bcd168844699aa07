package io.hubshare.lineage;

/**
 * Heap bytes of primitive arrays on a 64-bit JVM with compressed references: a 16-byte header, the elements,
 * padding to 8 bytes. Enough to report what an index costs without an instrumentation agent.
 */
final class Footprint {
  private Footprint() {}

  static long of(byte[] a) {
    return align(16L + a.length);
  }

  static long of(int[] a) {
    return align(16L + 4L * a.length);
  }

  static long of(long[] a) {
    return align(16L + 8L * a.length);
  }

  /** An array of {@code n} references (compressed: 4 bytes each). */
  static long ofReferences(int n) {
    return align(16L + 4L * n);
  }

  private static long align(long n) {
    return (n + 7) & ~7L;
  }
}
