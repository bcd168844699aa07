package io.hubshare.hostile;

import io.hubshare.snapshot.SnapshotHeader;
import io.hubshare.snapshot.Snapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Files a hostile or careless source hands hubshare: a snapshot with one line of gigabytes (stored as a few MB of
 * gzip, never inflated here), snapshots with negative counts or one repository under several casings, crawl state
 * edited by hand, bytes that are not UTF-8.
 */
final class CraftedFiles {
  static final Instant START = Instant.parse("2026-08-01T00:00:00Z");
  static final Instant END = Instant.parse("2026-08-01T06:00:00Z");

  private CraftedFiles() {}

  /** A snapshot header line of the bundled format, announcing {@code count} models. */
  static String headerLine(long count) {
    return "{\"format\":\"hubshare-snapshot\",\"formatVersion\":1,\"hub\":\"huggingface\",\"endpoint\":"
        + "\"https://huggingface.co\",\"query\":\"\",\"startedAt\":\"" + START + "\",\"completedAt\":\"" + END
        + "\",\"count\":" + count + "}";
  }

  /**
   * A snapshot whose second line is {@code lineBytes} long: {@code {"id":"a/b","pad":"xxxx…} without end. The line
   * is made of identical gzip members of 1 MiB each (concatenated members are one gzip stream), so a 3 GiB line is
   * a 3 MB file, written in milliseconds, and never exists inflated anywhere.
   */
  static Path hugeLineSnapshot(Path file, long lineBytes) throws IOException {
    return hugeSecondLine(file, headerLine(1), lineBytes);
  }

  /** As {@link #hugeLineSnapshot}, with any first line: a model, for a file to import. */
  static Path hugeSecondLine(Path file, String firstLine, long lineBytes) throws IOException {
    byte[] mib = new byte[1 << 20];
    Arrays.fill(mib, (byte) 'x');
    byte[] member = gzip(mib);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(gzip((firstLine + "\n{\"id\":\"a/b\",\"pad\":\"").getBytes(StandardCharsets.UTF_8)));
      for (long written = 0; written < lineBytes; written += mib.length) out.write(member);
      out.write(gzip("\"}\n".getBytes(StandardCharsets.UTF_8)));
    }
    return file;
  }

  /** A snapshot of these model lines, written as {@code importLines} writes one (the header counts them). */
  static Path snapshot(Path dir, String name, List<String> lines) throws IOException {
    Path source = Files.write(dir.resolve(name + ".source.jsonl"), lines, StandardCharsets.UTF_8);
    Path out = dir.resolve(name + ".jsonl.gz");
    Snapshots.importLines(source, out, SnapshotHeader.describing("huggingface", "https://huggingface.co", START, END,
        "crafted", null), true);
    return out;
  }

  /** A model line as the Hub lists it, with these counts ({@code null} leaves a counter out). */
  static String modelLine(String id, Long downloads, Long allTime, Long likes) {
    StringBuilder b = new StringBuilder("{\"id\":\"").append(id).append("\",\"author\":\"")
        .append(id, 0, id.indexOf('/')).append("\",\"createdAt\":\"2025-01-01T00:00:00.000Z\",\"tags\":[]");
    if (downloads != null) b.append(",\"downloads\":").append(downloads);
    if (allTime != null) b.append(",\"downloadsAllTime\":").append(allTime);
    if (likes != null) b.append(",\"likes\":").append(likes);
    return b.append('}').toString();
  }

  /** The lines of a gzip file (a partial file of many members reads as one stream). */
  static List<String> gunzipLines(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
    }
  }

  /** Replaces a gzip file by one member holding {@code lines}. */
  static void gzipLines(Path file, List<String> lines) throws IOException {
    Files.write(file, gzip((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(data);
    }
    return bytes.toByteArray();
  }

  /** {@code text} with the byte 0xFF (never valid in UTF-8) in place of the first {@code marker}. */
  static byte[] withInvalidByte(String text, String marker) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int at = text.indexOf(marker);
    if (at < 0) throw new IllegalArgumentException("no " + marker);
    int byteAt = text.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
    bytes[byteAt] = (byte) 0xFF;
    return bytes;
  }
}
