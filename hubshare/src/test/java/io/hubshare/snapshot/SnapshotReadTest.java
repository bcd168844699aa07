package io.hubshare.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.domain.Model;
import io.hubshare.internal.hf.HfModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotReadTest {
  static final SnapshotHeader HEADER = SnapshotHeader.builder("huggingface", "https://huggingface.co",
      Instant.parse("2026-08-01T00:00:00Z")).query("sort=createdAt&expand=downloadsAllTime")
      .completedAt(Instant.parse("2026-08-01T01:30:00Z")).count(240).limit(5000L).note("weekly crawl")
      .source("https://example.org/crawls").build();

  @TempDir Path dir;
  final List<String> lines = SampleModels.lines();

  /** A snapshot file with {@code header} and then {@code modelLines}, as one gzip stream. */
  static Path write(Path file, SnapshotHeader header, List<String> modelLines) throws IOException {
    List<String> all = new ArrayList<>();
    all.add(SnapshotJson.headerLine(header));
    all.addAll(modelLines);
    Files.write(file, Gzip.member(all));
    return file;
  }

  static Throwable rootOf(Throwable t) {
    while (t.getCause() != null) t = t.getCause();
    return t;
  }

  @Test
  void headerRoundTripsWithEveryField() throws IOException {
    Path f = write(dir.resolve("s.jsonl.gz"), HEADER, lines);
    try (Snapshot s = Snapshots.open(f)) {
      assertThat(s.header()).isEqualTo(HEADER);
    }
    SnapshotHeader bare = SnapshotHeader.builder("huggingface", "https://huggingface.co", HEADER.startedAt()).build();
    try (Snapshot s = Snapshots.open(write(dir.resolve("bare.jsonl.gz"), bare, List.of()))) {
      assertThat(s.header()).isEqualTo(bare);
      assertThat(s.stream()).isEmpty();
    }
  }

  @Test
  void theHeaderLineStartsWithTheFormatMarker() {
    assertThat(SnapshotJson.headerLine(HEADER)).startsWith("{\"format\":\"hubshare-snapshot\",\"formatVersion\":1,"
        + "\"hub\":\"huggingface\",\"endpoint\":\"https://huggingface.co\",\"query\":\"sort=createdAt&expand="
        + "downloadsAllTime\",\"limit\":5000,\"startedAt\":\"2026-08-01T00:00:00Z\"");
  }

  @Test
  void unknownHeaderFieldsAreIgnored() throws IOException {
    String header = SnapshotJson.headerLine(HEADER.withCount(1)).replace("{\"format\"", "{\"crawler\":\"v9\",\"format\"");
    Path f = dir.resolve("s.jsonl.gz");
    Files.write(f, Gzip.member(List.of(header, lines.get(0))));
    try (Snapshot s = Snapshots.open(f)) {
      assertThat(s.header()).isEqualTo(HEADER.withCount(1));
    }
  }

  @Test
  void readingParsesOneLineAtATimeAsTheStreamIsConsumed() throws IOException {
    List<String> damaged = new ArrayList<>(lines);
    damaged.set(199, "{\"id\": \"cut/short\", \"downloads\": 1");
    Path f = write(dir.resolve("s.jsonl.gz"), HEADER, damaged);
    AtomicInteger parsed = new AtomicInteger();
    try (Snapshot s = Snapshot.open(f, line -> {
      parsed.incrementAndGet();
      return HfModels.parse(line);
    })) {
      Iterator<Model> it = s.iterator();
      for (int i = 0; i < 10; i++) it.next();
      assertThat(parsed).hasValue(10); // nothing ahead of what was asked, beyond the line in hand

      assertThat(s.stream().limit(199).count()).isEqualTo(199); // the damage lies further on
      assertThatThrownBy(() -> s.stream().count())
          .isInstanceOf(UncheckedIOException.class)
          .cause().isInstanceOf(SnapshotFormatException.class)
          .hasMessageContaining("s.jsonl.gz, line 201: not JSON")
          .hasNoCause();
    }
  }

  @Test
  void aLineThatIsNotJsonNamesItsLineNumberWithoutParserInternals() throws IOException {
    List<String> damaged = new ArrayList<>(lines);
    damaged.set(4, "<html>502 Bad Gateway</html>");
    Path f = write(dir.resolve("s.jsonl.gz"), HEADER, damaged);
    try (Snapshot s = Snapshots.open(f)) {
      Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> s.stream().forEach(m -> {}));
      assertThat(t).isInstanceOf(UncheckedIOException.class);
      SnapshotFormatException e = (SnapshotFormatException) t.getCause();
      assertThat(e.lineNumber()).isEqualTo(6);
      assertThat(e.file()).isEqualTo(f);
      assertThat(e).hasMessageStartingWith(f + ", line 6: not JSON (Unexpected character ('<'").hasNoCause();
    }
  }

  @Test
  void aTruncatedSnapshotFailsWithTheLineWhereItEnds() throws IOException {
    Path good = write(dir.resolve("good.jsonl.gz"), HEADER, lines);
    byte[] bytes = Files.readAllBytes(good);
    Path cut = dir.resolve("cut.jsonl.gz");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length * 2 / 3));

    try (Snapshot s = Snapshots.open(cut)) {
      List<String> read = new ArrayList<>();
      Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> s.rawLines().forEach(read::add));
      SnapshotFormatException e = (SnapshotFormatException) t.getCause();
      assertThat(e).hasMessageContaining("truncated").hasNoCause();
      assertThat(e.lineNumber()).isGreaterThan(2).isLessThan(242);
      assertThat(read).isEqualTo(lines.subList(0, read.size())); // everything before the cut was read back intact
    }
  }

  @Test
  void fewerModelsThanTheHeaderAnnouncesIsReportedAsTruncation() throws IOException {
    Path f = write(dir.resolve("s.jsonl.gz"), HEADER, lines.subList(0, 100));
    try (Snapshot s = Snapshots.open(f)) {
      assertThatThrownBy(() -> s.stream().count()).cause()
          .hasMessage(f + ", line 102: the file ends after 100 models but its header announces 240: it is truncated");
    }
    Path more = write(dir.resolve("more.jsonl.gz"), HEADER.withCount(2), lines.subList(0, 3));
    try (Snapshot s = Snapshots.open(more)) {
      assertThatThrownBy(() -> s.stream().count()).cause().hasMessageContaining("line 4: more model lines than the 2");
    }
  }

  @Test
  void filesThatAreNotSnapshotsAreRefusedAtOpen() throws IOException {
    Path html = Files.writeString(dir.resolve("models.jsonl"), "<html>502 Bad Gateway</html>\n");
    assertThatThrownBy(() -> Snapshots.open(html)).isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("line 1: neither a hubshare snapshot header nor a model object of the list API");

    Path noId = dir.resolve("objects.jsonl.gz");
    Files.write(noId, Gzip.member(List.of("{\"name\":\"x\"}")));
    assertThatThrownBy(() -> Snapshots.open(noId)).isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("line 1: neither a hubshare snapshot header nor a model object")
        .hasMessageContaining("no \"id\" string");

    Path empty = Files.write(dir.resolve("empty.jsonl.gz"), new byte[0]);
    assertThatThrownBy(() -> Snapshots.open(empty)).isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("empty");

    Path future = dir.resolve("v2.jsonl.gz");
    Files.write(future, Gzip.member(List.of(SnapshotJson.headerLine(HEADER).replace("\"formatVersion\":1",
        "\"formatVersion\":2"))));
    assertThatThrownBy(() -> Snapshots.open(future)).isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("format version 2 is newer than this hubshare reads (1)");

    Path otherHub = write(dir.resolve("mirror.jsonl.gz"), SnapshotHeader.builder("company-mirror",
        "https://models.example.com", HEADER.startedAt()).build(), List.of());
    assertThatThrownBy(() -> Snapshots.open(otherHub)).isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("'company-mirror'");
  }

  @Test
  void aSnapshotCanBeReadAgainAndClosingReleasesOpenStreams() throws IOException {
    Path f = write(dir.resolve("s.jsonl.gz"), HEADER, lines);
    Snapshot s = Snapshots.open(f);
    List<String> first = new ArrayList<>();
    for (Model m : s) first.add(m.id());
    assertThat(s.stream().map(Model::id).toList()).isEqualTo(first).hasSize(240);

    Iterator<Model> pending = s.iterator();
    pending.next();
    s.close();
    assertThatThrownBy(pending::hasNext).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThatThrownBy(s::stream).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void aMultiMemberFileReadsAsOne() throws IOException {
    Path f = dir.resolve("members.jsonl.gz");
    Files.write(f, Gzip.member(List.of(SnapshotJson.headerLine(HEADER))));
    for (int i = 0; i < 240; i += 50) {
      Files.write(f, Gzip.member(lines.subList(i, Math.min(240, i + 50))), java.nio.file.StandardOpenOption.APPEND);
    }
    try (Snapshot s = Snapshots.open(f)) {
      assertThat(s.rawLines().toList()).isEqualTo(lines);
    }
  }
}
