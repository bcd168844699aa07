package io.hubshare.snapshot;

import static io.hubshare.snapshot.SnapshotCrawlTest.QUERY;
import static io.hubshare.snapshot.SnapshotCrawlTest.options;
import static io.hubshare.snapshot.SnapshotCrawlTest.rawLines;
import static io.hubshare.snapshot.SnapshotCrawlTest.snapshots;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.domain.Model;
import io.hubshare.error.ServerErrorException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crawl killed while writing a page leaves bytes after its checkpoint: resume must drop them, whatever they are. */
class SnapshotRepairTest {
  @TempDir Path dir;
  final List<String> lines = SampleModels.lines();
  final List<Model> models = SampleModels.models();
  Path out;
  Path partial;
  long checkpointed;

  @BeforeEach
  void crawlFailsAtPageThree() throws IOException {
    out = dir.resolve("hub.jsonl.gz");
    partial = dir.resolve("hub.jsonl.gz.partial");
    assertThatThrownBy(() -> snapshots(new FakeModels(models, 50).failAtPage(3)).crawl(QUERY, out, options().build()))
        .isInstanceOf(ServerErrorException.class);
    checkpointed = Checkpoint.read(dir.resolve("hub.jsonl.gz.checkpoint")).bytes();
    assertThat(Files.size(partial)).isEqualTo(checkpointed);
  }

  @Test
  void aWholePageWrittenAfterTheLastCheckpointIsDroppedNotDuplicated() throws IOException {
    byte[] page3 = Gzip.member(lines.subList(100, 150));
    Files.write(partial, page3, StandardOpenOption.APPEND);

    snapshots(new FakeModels(models, 50)).crawl(QUERY, out, options().resume(true).build());

    assertThat(rawLines(out)).isEqualTo(lines);
  }

  @Test
  void aTornLastMemberIsCutOffOnResume() throws IOException {
    byte[] page3 = Gzip.member(lines.subList(100, 150));
    Files.write(partial, Arrays.copyOf(page3, page3.length / 2), StandardOpenOption.APPEND);

    CrawlResult r = snapshots(new FakeModels(models, 50)).crawl(QUERY, out, options().resume(true).build());

    assertThat(r.models()).isEqualTo(240);
    assertThat(rawLines(out)).isEqualTo(lines);
  }

  @Test
  void aPartialFileShorterThanItsCheckpointIsReportedAsDamaged() throws IOException {
    try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
      ch.truncate(checkpointed - 10);
    }
    FakeModels fake = new FakeModels(models, 50);

    assertThatThrownBy(() -> snapshots(fake).crawl(QUERY, out, options().resume(true).build()))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("damaged")
        .hasMessageContaining("delete both files to start again");
    assertThat(fake.queries).isEmpty();
  }

  @Test
  void damagedPagesBeforeTheCheckpointAreReportedNotSilentlyKept() throws IOException {
    byte[] bytes = Files.readAllBytes(partial);
    bytes[bytes.length / 3] ^= 0x55; // flip bits inside the first page's deflate data
    Files.write(partial, bytes);

    assertThatThrownBy(() -> snapshots(new FakeModels(models, 50)).crawl(QUERY, out, options().resume(true).build()))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("hub.jsonl.gz.partial")
        .hasMessageContaining("damaged");
  }
}
