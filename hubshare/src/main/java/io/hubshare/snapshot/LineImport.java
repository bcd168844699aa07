package io.hubshare.snapshot;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * {@link Snapshots#importLines}: two passes over the source, one to check and count its lines (the header comes
 * first and holds the count), one to copy them behind the header into a temporary file that is then renamed.
 */
final class LineImport {
  private LineImport() {}

  static SnapshotHeader run(Path source, Path out, SnapshotHeader header, boolean overwrite) throws IOException {
    if (out.getFileName() == null) throw new IllegalArgumentException("out must name a file: " + out);
    if (!overwrite && Files.exists(out)) {
      throw new IllegalStateException(out + " exists: pass overwrite to replace it, or choose another file");
    }
    long count = check(source);
    SnapshotHeader written = header.withCount(count);
    Path dir = out.toAbsolutePath().getParent();
    if (dir != null) Files.createDirectories(dir);
    Path temp = Crawl.sibling(out, ".tmp");
    long copied = 0;
    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      OutputStream raw = Channels.newOutputStream(ch);
      GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
      Writer w = new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8), 1 << 16);
      w.write(SnapshotJson.headerLine(written));
      w.write('\n');
      try (Lines lines = new Lines(source)) {
        for (String line = lines.next(); line != null; line = lines.next()) {
          w.write(line);
          w.write('\n');
          copied++;
        }
      }
      w.flush();
      gz.finish();
      raw.flush();
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    if (copied != count) {
      Files.deleteIfExists(temp);
      throw new IOException(source + " changed while it was imported (" + count + " lines, then " + copied + ")");
    }
    Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Durable.syncDirectory(out);
    return written;
  }

  /** Checks every line and counts them. */
  private static long check(Path source) throws IOException {
    IdHashSet seen = new IdHashSet(false); // a curated file may hold one repository under two casings
    long count = 0;
    try (Lines lines = new Lines(source)) {
      for (String line = lines.next(); line != null; line = lines.next()) {
        String id;
        try {
          id = SnapshotJson.idOf(line);
        } catch (IllegalArgumentException e) {
          throw new SnapshotFormatException(source, lines.number, e.getMessage());
        }
        if (!seen.add(id)) throw new SnapshotFormatException(source, lines.number, "the id " + id + " repeats");
        count++;
      }
    }
    return count;
  }

  /** The non-blank lines of a gzip or plain UTF-8 file, with their numbers. */
  private static final class Lines implements AutoCloseable {
    private final Path file;
    private final BufferedReader in;
    long number;

    Lines(Path file) throws IOException {
      this.file = file;
      InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
      try {
        raw.mark(2);
        boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        InputStream data = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
        in = new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
      } catch (IOException | RuntimeException e) {
        raw.close();
        throw e;
      }
    }

    @Nullable String next() throws IOException {
      while (true) {
        String line;
        try {
          line = in.readLine();
        } catch (EOFException | ZipException e) {
          throw new SnapshotFormatException(file, number + 1, "truncated or corrupt gzip data");
        } catch (CharacterCodingException e) {
          throw new SnapshotFormatException(file, number + 1, "not UTF-8 text");
        }
        if (line == null) return null;
        number++;
        if (!line.isBlank()) return line;
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
