package io.hubshare.internal.hf;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.domain.Model;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A rough measure of parsing speed over the 15,156-model sample, printed, not asserted (machines differ). A
 * snapshot of the whole Hub is about 2.5 million models: at 100,000 models a second that is 25 seconds of parsing.
 * Run with {@code mvn test -Dtest=HfModelsThroughputTest -Dsurefire.excludedGroups=none}.
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
    long t0 = System.nanoTime();
    long n = 0;
    for (int r = 0; r < ROUNDS; r++) n += parseLines(lines);
    long t1 = System.nanoTime();
    long m = 0;
    for (int r = 0; r < ROUNDS; r++) m += parsePages(pages);
    long t2 = System.nanoTime();

    System.out.printf("HfModels.parse:     %,.0f models/s (%,.1f MB/s of JSON)%n",
        n / ((t1 - t0) / 1e9), chars * ROUNDS / ((t1 - t0) / 1e9) / 1e6);
    System.out.printf("HfModels.parseList: %,.0f models/s (pages of %,d)%n", m / ((t2 - t1) / 1e9), PAGE);
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
