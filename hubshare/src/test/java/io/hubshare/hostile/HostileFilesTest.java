package io.hubshare.hostile;

import static io.hubshare.hostile.CraftedFiles.modelLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hubshare.HubClient;
import io.hubshare.analytics.Dimension;
import io.hubshare.analytics.Metric;
import io.hubshare.analytics.ShareTable;
import io.hubshare.analytics.Shares;
import io.hubshare.error.ServerErrorException;
import io.hubshare.origin.OriginRegistry;
import io.hubshare.snapshot.CrawlOptions;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.SnapshotFormatException;
import io.hubshare.snapshot.SnapshotHeader;
import io.hubshare.snapshot.Snapshots;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cases 3 (files), 8, 9, 11 and 13 (files): hostile snapshots, crawl state, origins and output paths. */
class HostileFilesTest extends HostileServerTest {
  @TempDir Path dir;




  private static SnapshotFormatException formatError(Throwable t) {
    Throwable c = t instanceof UncheckedIOException u ? u.getCause() : t;
    assertThat(c).as("the typed snapshot error").isInstanceOf(SnapshotFormatException.class);
    return (SnapshotFormatException) c;
  }

  // ---- case 3: a line of 3 GiB -------------------------------------------------------------------------------

  @Test
  void aSnapshotLineOfThreeGibIsASnapshotFormatErrorNamingTheLineNotAnOutOfMemoryError() throws Exception {
    Path file = CraftedFiles.hugeLineSnapshot(dir.resolve("huge.jsonl.gz"), 3L << 30);
    assertThat(Files.size(file)).isLessThan(8L << 20);
    long started = System.nanoTime();
    Throwable t;
    try (Snapshot s = Snapshots.open(file)) {
      t = catchThrowable(() -> s.stream().count());
    }
    long ms = (System.nanoTime() - started) / 1_000_000;

    System.out.println("a snapshot line of 3 GiB (a " + Files.size(file) / 1024 + " KiB file) refused in " + ms
        + " ms");
    SnapshotFormatException e = formatError(t);
    assertThat(e.lineNumber()).isEqualTo(2);
    assertThat(e.getMessage()).contains(file.toString()).contains("longer than 32 MiB");
    assertThat(ms).isLessThan(10_000);
    Path source = CraftedFiles.hugeSecondLine(dir.resolve("huge-source.jsonl.gz"), modelLine("a/a", 1L, null, null),
        3L << 30);
    Throwable imported = catchThrowable(() -> Snapshots.importLines(source, dir.resolve("out.jsonl.gz"),
        SnapshotHeader.describing("huggingface", "https://huggingface.co", CraftedFiles.START, CraftedFiles.END,
            null, null), false));
    assertThat(formatError(imported).lineNumber()).isEqualTo(2);
    assertThat(dir.resolve("out.jsonl.gz.tmp")).doesNotExist();
  }

  // ---- case 8: crawl state edited or rewritten ----------------------------------------------------------------

  /** A crawl of 50 models, 10 a page, that fails at the page at offset 30, leaving its state. */
  private Path interruptedCrawl() {
    server.listing(50, 10, 30);
    Path out = dir.resolve("hub.jsonl.gz");
    try (HubClient hub = Hostile.client(server, time).build()) {
      Throwable t = catchThrowable(() -> hub.snapshots().crawl(listing(10), out, CrawlOptions.defaults()));
      assertThat(t).isInstanceOf(ServerErrorException.class);
    }
    assertThat(dir.resolve("hub.jsonl.gz.checkpoint")).exists();
    return out;
  }

  private Throwable resume(Path out) {
    server.listing(50, 10, -1);
    try (HubClient hub = Hostile.client(server, time).build()) {
      return catchThrowable(() -> hub.snapshots().crawl(listing(10), out, CrawlOptions.builder().resume(true).build()));
    }
  }

  @Test
  void aCheckpointCursorEditedByHandIsRefusedNotResumedFrom() throws Exception {
    Path out = interruptedCrawl();
    Path checkpoint = dir.resolve("hub.jsonl.gz.checkpoint");
    String text = Files.readString(checkpoint);
    assertThat(text).contains("\"cursor\":\"30\"");
    Files.writeString(checkpoint, text.replace("\"cursor\":\"30\"", "\"cursor\":\"40\""));

    Throwable t = resume(out);

    assertThat(formatError(t).getMessage()).contains(checkpoint.toString()).contains("edited or damaged");
    assertThat(out).doesNotExist();
  }

  @Test
  void aPartialFileRewrittenToTheSameLengthWithAnInjectedIdIsRefused() throws Exception {
    Path out = interruptedCrawl();
    Path partial = dir.resolve("hub.jsonl.gz.partial");
    long size = Files.size(partial);
    List<String> lines = CraftedFiles.gunzipLines(partial);
    assertThat(lines).hasSize(30);
    lines.set(5, lines.get(5).replace("org/model-5", "evil/model5"));
    Files.write(partial, GzipPadding.member((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8), size));
    assertThat(Files.size(partial)).isEqualTo(size);
    assertThat(CraftedFiles.gunzipLines(partial)).hasSize(30).anyMatch(l -> l.contains("evil/model5"));

    Throwable t = resume(out);

    assertThat(formatError(t).getMessage()).contains(partial.toString()).contains("SHA-256");
    assertThat(out).doesNotExist();
  }

  @Test
  void aCheckpointThatIsNotUtf8IsNamedWithItsLine() throws Exception {
    Path out = interruptedCrawl();
    Path checkpoint = dir.resolve("hub.jsonl.gz.checkpoint");
    Files.write(checkpoint, CraftedFiles.withInvalidByte(Files.readString(checkpoint), "huggingface"));

    SnapshotFormatException e = formatError(resume(out));

    assertThat(e.getMessage()).contains(checkpoint.toString()).contains("line 1").contains("not UTF-8")
        .doesNotContain("Input length");
  }

  // ---- case 9: negative counts, one repository under three casings ------------------------------------------

  @Test
  void negativeCountsAreReadAsAbsentAndCountedNotAnError() throws Exception {
    Path file = CraftedFiles.snapshot(dir, "negative", List.of(modelLine("Qwen/a", -5L, null, null),
        modelLine("Qwen/b", 10L, null, null), modelLine("google/c", 30L, null, null),
        modelLine("google/d", -9_000_000_000L, null, null)));
    ShareTable t;
    try (Snapshot s = Snapshots.open(file); Stream<io.hubshare.domain.Model> models = s.stream()) {
      t = Shares.by(Dimension.COUNTRY).metric(Metric.DOWNLOADS).compute(models);
    }

    assertThat(t.total()).isEqualTo(40);
    assertThat(t.counts().negative()).isEqualTo(2);
    assertThat(t.counts().missing()).isEqualTo(2);
    assertThat(t.hhi()).isPositive();
    assertThat(t.toText()).contains("2 of them with a negative count");
    assertThat(t.toJson()).contains("\"negative\" : 2");
  }

  @Test
  void oneRepositoryUnderThreeCasingsIsCountedOnce() throws Exception {
    Path file = CraftedFiles.snapshot(dir, "cases", List.of(modelLine("Qwen/Qwen3-8B", 100L, null, null),
        modelLine("qwen/qwen3-8b", 100L, null, null), modelLine("QWEN/QWEN3-8B", 100L, null, null),
        modelLine("google/gemma", 50L, null, null)));
    ShareTable downloads;
    ShareTable models;
    try (Snapshot s = Snapshots.open(file)) {
      try (Stream<io.hubshare.domain.Model> m = s.stream()) {
        downloads = Shares.by(Dimension.ACCOUNT).metric(Metric.DOWNLOADS).compute(m);
      }
      try (Stream<io.hubshare.domain.Model> m = s.stream()) {
        models = Shares.by(Dimension.ACCOUNT).metric(Metric.MODELS).compute(m);
      }
    }

    assertThat(downloads.total()).isEqualTo(150);
    assertThat(models.total()).isEqualTo(2);
    assertThat(downloads.row("qwen").models()).isEqualTo(1);
  }

  // ---- case 11: planted links, a full disk --------------------------------------------------------------------

  @Test
  void linksPlantedAtTheTemporaryFilesAreNeverFollowed() throws Exception {
    server.listing(25, 10, -1);
    Path out = dir.resolve("hub.jsonl.gz");
    Path victimA = Files.writeString(dir.resolve("victim-a.txt"), "precious a");
    Path victimB = Files.writeString(dir.resolve("victim-b.txt"), "precious b");
    Files.createSymbolicLink(dir.resolve("hub.jsonl.gz.tmp"), victimA);
    Files.createSymbolicLink(dir.resolve("hub.jsonl.gz.checkpoint.tmp"), victimB);
    try (HubClient hub = Hostile.client(server, time).build()) {
      hub.snapshots().crawl(listing(10), out, CrawlOptions.defaults());
    }

    assertThat(Files.readString(victimA)).isEqualTo("precious a");
    assertThat(Files.readString(victimB)).isEqualTo("precious b");
    try (Snapshot s = Snapshots.open(out)) {
      assertThat(s.stream().count()).isEqualTo(25);
    }
    assertThat(dir.resolve("hub.jsonl.gz.tmp")).doesNotExist();
    assertThat(dir.resolve("hub.jsonl.gz.checkpoint.tmp")).doesNotExist();
  }

  @Test
  void aLinkPlantedAtThePartialFileIsNeitherTruncatedNorWritten() throws Exception {
    server.listing(25, 10, -1);
    Path out = dir.resolve("hub.jsonl.gz");
    Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
    Files.createSymbolicLink(dir.resolve("hub.jsonl.gz.partial"), victim);
    try (HubClient hub = Hostile.client(server, time).build()) {
      Throwable t = catchThrowable(() -> hub.snapshots().crawl(listing(10), out,
          CrawlOptions.builder().resume(true).build()));
      assertThat(t).isNotNull();
      assertThat(t.getMessage()).contains("hub.jsonl.gz.partial");
    }

    assertThat(Files.readString(victim)).isEqualTo("precious");
  }

  @Test
  void aFullDiskNamesTheFileAndLeavesNoTemporaryFileBehind() throws Exception {
    server.listing(2000, 200, -1);
    long partialBytes = partialSizeOfTheFullCrawl();
    // Room for the pages and the checkpoint, not for the final file beside them.
    try (DiskFull disk = DiskFull.withBytes(partialBytes + 4 * 4096)) {
      Path out = disk.root().resolve("hub.jsonl.gz");
      try (HubClient hub = Hostile.client(server, time).build()) {
        Throwable t = catchThrowable(() -> hub.snapshots().crawl(listing(10), out, CrawlOptions.defaults()));

        assertThat(t).isInstanceOf(UncheckedIOException.class);
        assertThat(t.getMessage()).contains("/data/hub.jsonl.gz");
      }
      assertThat(disk.root().resolve("hub.jsonl.gz.checkpoint")).as("the state stays for a resume").exists();
      List<String> left = new ArrayList<>();
      try (Stream<Path> files = Files.list(disk.root())) {
        files.forEach(f -> left.add(f.getFileName().toString()));
      }
      assertThat(left).noneMatch(n -> n.endsWith(".tmp"));
      assertThat(out).doesNotExist();
    }
  }

  /** How large the partial file of the 2,000-model listing grows: measured on a disk without limit. */
  private long partialSizeOfTheFullCrawl() throws Exception {
    try (DiskFull disk = DiskFull.withBytes(1L << 30)) {
      Path out = disk.root().resolve("hub.jsonl.gz");
      try (HubClient hub = Hostile.client(server, time).build()) {
        hub.snapshots().crawl(listing(10), out, CrawlOptions.defaults());
      }
      return Files.size(out);
    }
  }

  // ---- case 13: an origins file that is not UTF-8 -----------------------------------------------------------

  @Test
  void anOriginsFileThatIsNotUtf8IsNamedWithItsLine() throws Exception {
    String csv = "account,organization,country,kind,source\n"
        + "some-lab,Some Lab,FR,company,https://example.org/a\n"
        + "other-lab,Other Lab ZZ,DE,company,https://example.org/b\n";
    Path file = Files.write(dir.resolve("origins.csv"), CraftedFiles.withInvalidByte(csv, "ZZ"));

    Throwable t = catchThrowable(() -> OriginRegistry.bundled().withFile(file));

    assertThat(t).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(file.toString())
        .hasMessageContaining("line 3").hasMessageContaining("not UTF-8").hasMessageNotContaining("Input length");
  }
}
