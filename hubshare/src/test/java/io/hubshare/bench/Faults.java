package io.hubshare.bench;

import java.util.List;
import java.util.Locale;

/**
 * Faults injected into list requests: every {@code every}-th one meets the next fault of a cycle. A retry is a new
 * request, so a client that retries gets through on its next attempt (unless that one is the next N-th).
 */
final class Faults {
  /** The faults a crawler meets in the wild. */
  enum Fault {
    /** A 503 with the Hub's {@code {"error": "..."}} body. */
    UNAVAILABLE("503"),
    /** The connection reset (TCP RST) before any response. */
    RESET("reset"),
    /** A 200 whose body stops halfway, the connection closed. */
    TRUNCATE("truncate");

    final String label;

    Fault(String label) {
      this.label = label;
    }

    static Fault parse(String s) {
      for (Fault f : values()) {
        if (f.label.equals(s.trim().toLowerCase(Locale.ROOT))) return f;
      }
      throw new IllegalArgumentException("unknown fault '" + s + "': use 503, reset or truncate");
    }
  }

  private final int every;
  private final List<Fault> cycle;
  // Guarded by this.
  private long seen;
  private int next;

  /** @param every 0 for no faults */
  Faults(int every, List<Fault> cycle) {
    if (every < 0) throw new IllegalArgumentException("fault interval must not be negative: " + every);
    if (every > 0 && cycle.isEmpty()) throw new IllegalArgumentException("no faults to inject");
    this.every = every;
    this.cycle = List.copyOf(cycle);
  }

  /** The fault for the list request now arriving, or null. */
  synchronized Fault next() {
    if (every == 0 || ++seen % every != 0) return null;
    Fault f = cycle.get(next);
    next = (next + 1) % cycle.size();
    return f;
  }

  synchronized void reset() {
    seen = 0;
    next = 0;
  }
}
