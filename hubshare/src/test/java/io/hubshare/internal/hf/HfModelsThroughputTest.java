package io.hubshare.internal.hf;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.Figures;
import io.hubshare.domain.Model;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A rough measure of parsing speed over the 15,156-model sample, not asserted (machines and their load differ) but
 * written to {@link Figures#FILE} for {@code bench/figures.sh}, which compares it with docs/performance.md. A
 * snapshot of the whole Hub is about 2.5 million models: at 100,000 models a second that is 25 seconds of parsing.
 * Run alone with {@code mvn test -pl hubshare -Dtest=HfModelsThroughputTest -Dtest.excludedGroups=}.
 */
@Tag("slow")
class HfModelsThroughputTest {
  private static final int ROUNDS = 8;
  private static final int PAGE = 1_000;

  @Test
  void modelsPerSecondOverTheSample() {
    List<String> lines = HfFixtures.sampleLines();
    List<String> pages = new ArrayList<>();
    for (int i = 0; i < lines.size(); i += PAGE) {
      pages.add("[" + String.join(",", lines.subList(i, Math.min(lines.size(), i + PAGE))) + "]");
    }
    long chars = lines.stream().mapToLong(String::length).sum();

    for (int warm = 0; warm < 6; warm++) {
      parseLines(lines);
      parsePages(pages);
    }
    // Wall time and this thread's CPU time: on a shared machine the wall time also counts other processes' turns,
    // the CPU time only the parsing.
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long c0 = cpu.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    long n = 0;
    for (int r = 0; r < ROUNDS; r++) n += parseLines(lines);
    long t1 = System.nanoTime();
    long c1 = cpu.getCurrentThreadCpuTime();
    long m = 0;
    for (int r = 0; r < ROUNDS; r++) m += parsePages(pages);
    long t2 = System.nanoTime();
    long c2 = cpu.getCurrentThreadCpuTime();
    Figures.record("parse.modelsPerCpuSecond.lines", n / ((c1 - c0) / 1e9));
    Figures.record("parse.modelsPerCpuSecond.pages", m / ((c2 - c1) / 1e9));

    Figures.record("parse.modelsPerSecond.lines", n / ((t1 - t0) / 1e9));
    Figures.record("parse.megabytesPerSecond.lines", chars * ROUNDS / ((t1 - t0) / 1e9) / 1e6);
    Figures.record("parse.modelsPerSecond.pages", m / ((t2 - t1) / 1e9));
    assertThat(n).isEqualTo((long) ROUNDS * lines.size());
    assertThat(m).isEqualTo(n);
  }

  private static long parseLines(List<String> lines) {
    long count = 0;
    for (String line : lines) {
      Model model = HfModels.parse(line);
      count += model.id().isEmpty() ? 0 : 1;
    }
    return count;
  }

  private static long parsePages(List<String> pages) {
    long count = 0;
    for (String page : pages) count += HfModels.parseList(page).size();
    return count;
  }
}
