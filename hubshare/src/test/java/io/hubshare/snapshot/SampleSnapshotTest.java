package io.hubshare.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.domain.Model;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

/** The bundled sample, {@code examples/data/hub-sample-2026-08.jsonl.gz}, is a snapshot like any other. */
class SampleSnapshotTest {
  static final Path SAMPLE = Path.of("examples/data/hub-sample-2026-08.jsonl.gz");

  @Test
  void theBundledSampleOpensWithItsHeaderAndHolds15156Models() throws IOException {
    try (Snapshot s = Snapshots.open(SAMPLE)) {
      assertThat(s.header()).isEqualTo(SampleSnapshotTool.header().withCount(15_156));
      assertThat(s.header().source()).contains("HF//RADAR").contains("CC BY 4.0");
      assertThat(s.header().note()).contains("not a point-in-time crawl");
      IdHashSet ids = new IdHashSet(false);
      IdHashSet repositories = new IdHashSet(true);
      long count = 0;
      for (Model m : s) {
        assertThat(ids.add(m.id())).as(m.id()).isTrue();
        repositories.add(m.id());
        assertThat(m.createdAt()).isNotNull();
        count++;
      }
      // Three repositories were read under two casings of their id (renamed during the month): both lines stay in
      // the file, and a reader counts each repository once, at its first line, as the Hub resolves ids.
      assertThat(count).isEqualTo(15_153);
      assertThat(repositories.size()).isEqualTo(15_153);
      assertThat(s.rawLines().count()).isEqualTo(15_156);
    }
  }

  @Test
  void itsLinesAreTheSampleLinesVerbatim() throws IOException {
    // The test resource is every 63rd line of the same source data.
    try (Snapshot s = Snapshots.open(SAMPLE)) {
      Iterator<String> expected = SampleModels.lines().iterator();
      long i = 0;
      for (Iterator<String> it = s.rawLines().iterator(); it.hasNext(); i++) {
        String line = it.next();
        if (i % 63 == 0 && expected.hasNext()) assertThat(line).isEqualTo(expected.next());
      }
      assertThat(expected).isExhausted();
    }
  }
}
