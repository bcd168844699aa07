package io.hubshare.snapshot;

import io.hubshare.internal.hf.Mutations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing of the snapshot and crawl-state readers, a few seconds in every test run: whatever the file holds (damaged
 * gzip, damaged lines, bytes that are not UTF-8, a damaged checkpoint), reading it ends in models or in a
 * {@link SnapshotFormatException} (wrapped in an {@link UncheckedIOException} while streaming), nothing else.
 */
class SnapshotFuzzTest {
  private static Path dir;
  private static final List<String> SNAPSHOTS = new ArrayList<>();
  private static final List<String> CHECKPOINTS = new ArrayList<>();

  @BeforeContainer
  static void seeds() throws IOException {
    dir = Files.createTempDirectory("hubshare-fuzz");
    List<String> lines = SampleModels.lines();
    String header = SnapshotJson.headerLine(SnapshotHeader.describing("huggingface", "https://huggingface.co",
        java.time.Instant.parse("2026-08-01T00:00:00Z"), java.time.Instant.parse("2026-08-01T01:00:00Z"), null, null)
        .withCount(5));
    for (int i = 0; i < 20; i++) {
      SNAPSHOTS.add(header + "\n" + String.join("\n", lines.subList(i * 5, i * 5 + 5)) + "\n");
    }
    Path cp = dir.resolve("seed.checkpoint");
    Checkpoint.start("huggingface", "https://huggingface.co", "sort=downloads", 100L,
        java.time.Instant.parse("2026-08-01T00:00:00Z"), null).advance("eyJ4IjoxfQ", 812, 5, 0, null,
        Checkpoint.EMPTY_SHA256).write(cp);
    CHECKPOINTS.add(Files.readString(cp));
  }

  @AfterContainer
  static void clean() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) Files.deleteIfExists(f);
    }
    Files.deleteIfExists(dir);
  }

  @Provide
  Arbitrary<byte[]> snapshotFiles() {
    Arbitrary<String> texts = Mutations.of(SNAPSHOTS);
    return Arbitraries.oneOf(texts.map(t -> gzip(t.getBytes(StandardCharsets.UTF_8))),
        texts.map(t -> flip(gzip(t.getBytes(StandardCharsets.UTF_8)), t.length())),
        texts.map(t -> t.getBytes(StandardCharsets.UTF_8)),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
  }

  @Provide
  Arbitrary<byte[]> checkpointFiles() {
    return Arbitraries.oneOf(Mutations.of(CHECKPOINTS).map(t -> t.getBytes(StandardCharsets.UTF_8)),
        Mutations.of(CHECKPOINTS).map(t -> flip(t.getBytes(StandardCharsets.UTF_8), t.hashCode())),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
  }

  @Property(tries = 300)
  void aSnapshotFileReadsOrIsASnapshotFormatError(@ForAll("snapshotFiles") byte[] content) throws IOException {
    Path file = Files.write(dir.resolve("fuzz.jsonl.gz"), content);
    try (Snapshot s = Snapshots.open(file)) {
      s.stream().count();
      s.rawLines().count();
    } catch (SnapshotFormatException expected) {
      // the typed failure
    } catch (UncheckedIOException e) {
      if (!(e.getCause() instanceof SnapshotFormatException)) throw e;
    }
  }

  @Property(tries = 300)
  void aCheckpointReadsOrIsASnapshotFormatError(@ForAll("checkpointFiles") byte[] content) throws IOException {
    Path file = Files.write(dir.resolve("fuzz.checkpoint"), content);
    try {
      Checkpoint.read(file);
    } catch (SnapshotFormatException expected) {
      // the typed failure
    }
  }

  @Property(tries = 150)
  void importedLinesAreCopiedOrASnapshotFormatError(@ForAll("snapshotFiles") byte[] content) throws IOException {
    Path source = Files.write(dir.resolve("fuzz-source.jsonl"), content);
    try {
      Snapshots.importLines(source, dir.resolve("fuzz-out.jsonl.gz"), SnapshotHeader.describing("huggingface",
          "https://huggingface.co", java.time.Instant.parse("2026-08-01T00:00:00Z"),
          java.time.Instant.parse("2026-08-01T01:00:00Z"), null, null), true);
    } catch (SnapshotFormatException expected) {
      // the typed failure
    }
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] flip(byte[] data, int salt) {
    byte[] copy = data.clone();
    if (copy.length > 0) copy[Math.floorMod(salt * 31, copy.length)] ^= (byte) (1 << Math.floorMod(salt, 8));
    return copy;
  }
}
