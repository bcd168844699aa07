package io.hubshare.snapshot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Gzip members of JSON lines. */
final class Gzip {
  private Gzip() {}

  /** One complete gzip member holding {@code lines}, each ended by {@code \n}. */
  static byte[] member(List<String> lines) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    try (Writer w = new OutputStreamWriter(new GZIPOutputStream(bytes, 1 << 16), StandardCharsets.UTF_8)) {
      for (String line : lines) {
        w.write(line);
        w.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // memory only
    }
    return bytes.toByteArray();
  }
}
