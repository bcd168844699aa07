package io.hubshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void withoutATerminalOnlyTheSummaryIsPrinted() {
    StringWriter err = new StringWriter();
    try (Progress p = Progress.of(CliRun.context(Map.of()), new PrintWriter(err), "Crawl", "models")) {
      p.update(1000, null, "1 page");
      p.update(2000, null, "2 pages");
      p.finish("crawl: 2,000 models in 2 pages");
    }

    assertThat(err.toString()).isEqualTo("crawl: 2,000 models in 2 pages" + System.lineSeparator());
  }

  @Test
  void onATerminalABarShowsTheCountThenTheSummary() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (Progress p = new Progress.Bar(stream, "Crawl", "models")) {
      p.update(500, 2000L, "1 page");
      p.update(2000, 2000L, "4 pages");
      p.finish("crawl: 2,000 models in 4 pages");
    }

    String shown = bytes.toString(StandardCharsets.UTF_8);
    assertThat(shown).contains("Crawl").contains("100%").contains("2000/2000").contains("models")
        .contains("4 pages").endsWith("crawl: 2,000 models in 4 pages" + System.lineSeparator());
  }

  @Test
  void anUnknownTotalGivesAnIndefiniteBar() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (Progress p = new Progress.Bar(stream, "Crawl", "models")) {
      p.update(3000, null, null);
    }

    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("Crawl").contains("3000/? models");
  }
}
