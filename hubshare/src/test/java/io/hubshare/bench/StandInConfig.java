package io.hubshare.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a {@link StandInHub} behaves. Build with {@link #defaults()} and the withers, or parse command-line options
 * with {@link #parse(String[])}.
 *
 * @param data the models: a hubshare snapshot or JSON Lines of the Hub's list objects, gzip or plain
 * @param repeat copies of the listing served (copy k > 0 has ids suffixed {@code -rk})
 * @param port the port on 127.0.0.1, 0 for any free one
 * @param quota requests per window in the {@code api} bucket
 * @param windowSeconds the quota window's length
 * @param defaultLimit the page size when a request names none
 * @param maxLimit the largest page served; a larger {@code limit} is cut to it
 * @param faultEvery every how many list requests a fault is injected; 0 for none
 * @param faults the faults injected, in turn
 * @param latencyMillis a pause before each list page, to stand for the network and the Hub's own time
 * @param idsOut where to write the ids served, one a line, or null
 * @param prerender the {@code expand} fields whose rendering is done at start, so that the first client timed does
 *     not pay for it; empty for none
 */
record StandInConfig(Path data, int repeat, int port, long quota, int windowSeconds, int defaultLimit, int maxLimit,
    int faultEvery, List<Faults.Fault> faults, int latencyMillis, Path idsOut, List<String> prerender) {

  /** The bundled real sample (15,156 lines), once; the anonymous quota of 500 per 300 s; no faults. */
  static final Path SAMPLE = Path.of("examples/data/hub-sample-2026-08.jsonl.gz");

  static final String USAGE = String.join("\n",
      "usage: StandInHub [options]",
      "  --data FILE          snapshot or JSON Lines of models, gzip or plain (default " + SAMPLE + ")",
      "  --repeat N           serve N copies of the listing, ids of copy k suffixed -rk (default 1)",
      "  --port P             port on 127.0.0.1 (default 0: any free port)",
      "  --quota Q            requests per window before 429 (default 500)",
      "  --window S           quota window in seconds (default 300)",
      "  --default-limit N    page size when the request names none (default 1000)",
      "  --max-limit N        largest page size served (default 1000)",
      "  --fault-every N      inject a fault into every N-th list request (default 0: none)",
      "  --faults LIST        faults injected in turn: 503,reset,truncate (default all three)",
      "  --latency-ms M       pause before each list page (default 0)",
      "  --ids-out FILE       write the ids served, one a line",
      "  --prerender FIELDS   render every model with these expand fields at start (comma-separated)");

  StandInConfig {
    if (repeat < 1) throw new IllegalArgumentException("--repeat must be at least 1: " + repeat);
    if (port < 0 || port > 65535) throw new IllegalArgumentException("--port out of range: " + port);
    if (quota < 1) throw new IllegalArgumentException("--quota must be positive: " + quota);
    if (windowSeconds < 1) throw new IllegalArgumentException("--window must be at least 1: " + windowSeconds);
    if (defaultLimit < 1 || maxLimit < 1) throw new IllegalArgumentException("page sizes must be positive");
    if (faultEvery < 0) throw new IllegalArgumentException("--fault-every must not be negative: " + faultEvery);
    if (latencyMillis < 0) throw new IllegalArgumentException("--latency-ms must not be negative");
    faults = List.copyOf(faults);
    prerender = List.copyOf(prerender);
  }

  static StandInConfig defaults() {
    return new StandInConfig(SAMPLE, 1, 0, 500, 300, 1000, 1000, 0, List.of(Faults.Fault.values()), 0, null, List.of());
  }

  StandInConfig withData(Path p) {
    return new StandInConfig(p, repeat, port, quota, windowSeconds, defaultLimit, maxLimit, faultEvery, faults,
        latencyMillis, idsOut, prerender);
  }

  StandInConfig withRepeat(int n) {
    return new StandInConfig(data, n, port, quota, windowSeconds, defaultLimit, maxLimit, faultEvery, faults,
        latencyMillis, idsOut, prerender);
  }

  StandInConfig withQuota(long q, int window) {
    return new StandInConfig(data, repeat, port, q, window, defaultLimit, maxLimit, faultEvery, faults,
        latencyMillis, idsOut, prerender);
  }

  StandInConfig withLimits(int defaultSize, int maxSize) {
    return new StandInConfig(data, repeat, port, quota, windowSeconds, defaultSize, maxSize, faultEvery, faults,
        latencyMillis, idsOut, prerender);
  }

  StandInConfig withFaults(int every, List<Faults.Fault> which) {
    return new StandInConfig(data, repeat, port, quota, windowSeconds, defaultLimit, maxLimit, every, which,
        latencyMillis, idsOut, prerender);
  }

  /**
   * Reads command-line options over the defaults.
   *
   * @throws IllegalArgumentException naming the option that is unknown, lacks its value or has a bad one
   */
  static StandInConfig parse(String[] args) {
    StandInConfig c = defaults();
    Path data = c.data();
    int repeat = c.repeat();
    int port = c.port();
    long quota = c.quota();
    int window = c.windowSeconds();
    int defaultLimit = c.defaultLimit();
    int maxLimit = c.maxLimit();
    int faultEvery = c.faultEvery();
    List<Faults.Fault> faults = c.faults();
    int latency = c.latencyMillis();
    Path idsOut = null;
    List<String> prerender = List.of();
    for (int i = 0; i < args.length; i++) {
      String opt = args[i];
      if (opt.equals("--help") || opt.equals("-h")) throw new IllegalArgumentException(USAGE);
      if (i + 1 >= args.length) throw new IllegalArgumentException(opt + " needs a value\n" + USAGE);
      String v = args[++i];
      switch (opt) {
        case "--data" -> data = Path.of(v);
        case "--repeat" -> repeat = number(opt, v);
        case "--port" -> port = number(opt, v);
        case "--quota" -> quota = number(opt, v);
        case "--window" -> window = number(opt, v);
        case "--default-limit" -> defaultLimit = number(opt, v);
        case "--max-limit" -> maxLimit = number(opt, v);
        case "--fault-every" -> faultEvery = number(opt, v);
        case "--faults" -> {
          List<Faults.Fault> f = new ArrayList<>();
          for (String s : v.split(",")) f.add(Faults.Fault.parse(s));
          faults = f;
        }
        case "--latency-ms" -> latency = number(opt, v);
        case "--ids-out" -> idsOut = Path.of(v);
        case "--prerender" -> prerender = List.of(v.split(","));
        default -> throw new IllegalArgumentException("unknown option " + opt + "\n" + USAGE);
      }
    }
    return new StandInConfig(data, repeat, port, quota, window, defaultLimit, maxLimit, faultEvery, faults, latency,
        idsOut, prerender);
  }

  private static int number(String opt, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(opt + " takes a whole number, not '" + v + "'");
    }
  }
}
