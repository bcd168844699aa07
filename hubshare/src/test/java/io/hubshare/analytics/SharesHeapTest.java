package io.hubshare.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.Figures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Country shares over 2.5 million models (the real sample scaled up 165 times, streamed, never held) in child JVMs
 * with small heaps: the figures of docs/performance.md. Each run must complete in the {@code -Xmx} of the table, with
 * the live heap the table gives (and some room); each run's live heap and speed are written to {@link Figures#FILE}
 * for {@code bench/figures.sh}. Run alone with {@code mvn test -pl hubshare -Dtest=SharesHeapTest
 * -Dtest.excludedGroups=}.
 */
@Tag("slow")
class SharesHeapTest {
  static final int REPLICAS = 165;

  @Test
  void sharesOfTwoAndAHalfMillionModelsFitInSmallHeaps() throws Exception {
    Map<String, String> uploader = run("uploader", "64m");
    Map<String, String> parent = run("parent", "64m");
    Map<String, String> twoPass = run("root-two-pass", "64m");
    Map<String, String> onePass = run("root", "96m");

    assertThat(uploader.get("models")).isEqualTo("2500740");
    // The sample alone sums to 911,022,508 downloads; each copy adds its deterministic shift.
    assertThat(Long.parseLong(uploader.get("total"))).isGreaterThan(165 * 911_022_508L);
    assertThat(parent.get("total")).isEqualTo(uploader.get("total"));
    assertThat(twoPass.get("total")).isEqualTo(uploader.get("total"));
    for (String k : List.of("total", "cn", "us", "unknown", "rows")) {
      assertThat(onePass.get(k)).as(k).isEqualTo(twoPass.get(k));
    }
    // Memory grows with the groups, not the models: UPLOADER retains a few MiB whatever the scale.
    assertThat(Double.parseDouble(uploader.get("liveMaxMiB"))).isLessThan(8);
    assertThat(Double.parseDouble(parent.get("liveMaxMiB"))).isLessThan(8);
    // The lineage index and the parked sums: docs/performance.md gives 37.2 and 42.9 MiB.
    assertThat(Double.parseDouble(twoPass.get("liveMaxMiB"))).isLessThan(40);
    assertThat(Double.parseDouble(onePass.get("liveMaxMiB"))).isLessThan(46);
  }

  static Map<String, String> run(String mode, String xmx) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xmx" + xmx, "-cp", System.getProperty("java.class.path"),
        HeapBenchmark.class.getName(), mode, Integer.toString(REPLICAS))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(mode + " with -Xmx" + xmx + ":\n" + out).isZero();
    Map<String, String> fields = new HashMap<>();
    for (String kv : out.strip().split("\\s+")) {
      int eq = kv.indexOf('=');
      if (eq > 0) fields.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    Figures.record("shares." + mode + ".liveMaxMiB", Double.parseDouble(fields.get("liveMaxMiB")));
    Figures.record("shares." + mode + ".modelsPerSecond",
        Long.parseLong(fields.get("models")) / Double.parseDouble(fields.get("seconds")));
    Figures.record("shares." + mode + ".modelsPerCpuSecond",
        Long.parseLong(fields.get("models")) / Double.parseDouble(fields.get("cpuSeconds")));
    return fields;
  }
}
