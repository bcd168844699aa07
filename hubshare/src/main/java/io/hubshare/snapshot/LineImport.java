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
    try (FileChannel ch = Durable.createTemp(temp)) {
      OutputStream raw = Channels.newOutputStream(ch);
      GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
      Writer w = new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8), 1 << 16);
      w.write(SnapshotJson.headerLine(written));
      w.write('\n');
      try (SourceLines lines = new SourceLines(source)) {
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
    } catch (SnapshotFormatException e) {
      Durable.deleteQuietly(temp);
      throw e;
    } catch (IOException | RuntimeException e) {
      Durable.deleteQuietly(temp);
      if (e instanceof IOException io) throw Durable.cannotWrite(temp, io);
      throw (RuntimeException) e;
    }
    if (copied != count) {
      Durable.deleteQuietly(temp);
      throw new IOException(source + " changed while it was imported (" + count + " lines, then " + copied + ")");
    }
    try {
      Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Durable.deleteQuietly(temp);
      throw Durable.cannotWrite(out, e);
    }
    Durable.syncDirectory(out);
    return written;
  }

  /** Checks every line and counts them. */
  private static long check(Path source) throws IOException {
    IdHashSet seen = new IdHashSet(false); // a curated file may hold one repository under two casings
    long count = 0;
    try (SourceLines lines = new SourceLines(source)) {
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

  /** The non-blank lines of a gzip or plain UTF-8 file, with their numbers, each bounded ({@link Lines}). */
  private static final class SourceLines implements AutoCloseable {
    private final io.hubshare.snapshot.Lines in;
    long number;

    SourceLines(Path file) throws IOException {
      InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
      try {
        raw.mark(2);
        boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        in = new io.hubshare.snapshot.Lines(file, gzip ? new GZIPInputStream(raw, 1 << 16) : raw);
      } catch (ZipException | EOFException e) {
        raw.close();
        throw new SnapshotFormatException(file, 0, "starts like gzip data but is not (" + e.getMessage() + ")");
      } catch (IOException | RuntimeException e) {
        raw.close();
        throw e;
      }
    }

    @Nullable String next() throws IOException {
      while (true) {
        String line = in.next();
        if (line == null) return null;
        number = in.number();
        if (!line.isBlank()) return line;
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
