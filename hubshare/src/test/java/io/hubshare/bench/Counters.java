package io.hubshare.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What a stand-in hub has served since it started or was last reset: the benchmark reads these per run. */
final class Counters {
  final AtomicLong requests = new AtomicLong();
  final AtomicLong listRequests = new AtomicLong();
  final AtomicLong infoRequests = new AtomicLong();
  final AtomicLong accountRequests = new AtomicLong();
  final AtomicLong tooMany = new AtomicLong();
  final AtomicLong modelsServed = new AtomicLong();
  private final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> faults = new ConcurrentHashMap<>();

  void status(int code) {
    statuses.computeIfAbsent(Integer.toString(code), k -> new AtomicLong()).incrementAndGet();
  }

  void fault(Faults.Fault f) {
    faults.computeIfAbsent(f.label, k -> new AtomicLong()).incrementAndGet();
  }

  void reset() {
    requests.set(0);
    listRequests.set(0);
    infoRequests.set(0);
    accountRequests.set(0);
    tooMany.set(0);
    modelsServed.set(0);
    statuses.clear();
    faults.clear();
  }

  /** The counts as one JSON object. */
  String toJson(int models) {
    return "{\"models\":" + models + ",\"requests\":" + requests + ",\"listRequests\":" + listRequests
        + ",\"infoRequests\":" + infoRequests + ",\"accountRequests\":" + accountRequests + ",\"tooMany\":"
        + tooMany + ",\"modelsServed\":" + modelsServed
        + ",\"status\":" + json(statuses) + ",\"faults\":" + json(faults) + "}";
  }

  private static String json(Map<String, AtomicLong> m) {
    StringBuilder b = new StringBuilder("{");
    new TreeMap<>(m).forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":")
        .append(v.get()));
    return b.append('}').toString();
  }
}
