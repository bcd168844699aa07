package io.hubshare.snapshot;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a snapshot file one line at a time: the header at once, then each model line when asked. Never holds more
 * than one line; every failure becomes a {@link SnapshotFormatException} naming the line.
 */
final class SnapshotReader implements Closeable {
  private static final int BUFFER = 1 << 16;

  private final Path file;
  private final BufferedReader in;
  private final SnapshotHeader header;
  private long lineNumber;
  private long models;
  private boolean ended;

  private SnapshotReader(Path file, BufferedReader in) throws IOException {
    this.file = file;
    this.in = in;
    String first = read();
    if (first == null) throw new SnapshotFormatException(file, 1, "not a hubshare snapshot: the file is empty");
    this.header = SnapshotJson.parseHeader(first, file);
  }

  /** Opens {@code file} and reads its header. */
  static SnapshotReader open(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    try {
      GZIPInputStream gz = new GZIPInputStream(raw, BUFFER);
      // Strict UTF-8: a model line is kept verbatim, so bad bytes must fail, not turn into U+FFFD.
      InputStreamReader chars = new InputStreamReader(gz, StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
      return new SnapshotReader(file, new BufferedReader(chars, BUFFER));
    } catch (ZipException e) {
      raw.close();
      throw new SnapshotFormatException(file, 0, "not a hubshare snapshot: not gzip data (" + e.getMessage() + ")");
    } catch (EOFException e) {
      raw.close();
      throw new SnapshotFormatException(file, 0, "not a hubshare snapshot: the file is empty or cut short");
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  SnapshotHeader header() {
    return header;
  }

  Path file() {
    return file;
  }

  /** The 1-based number of the line last read (1 is the header). */
  long lineNumber() {
    return lineNumber;
  }

  /**
   * The next model line, verbatim, or {@code null} after the last one.
   *
   * @throws SnapshotFormatException if the file is cut short, corrupt, or holds another number of models than its
   *     header announces
   */
  @Nullable String nextLine() throws IOException {
    if (ended) return null;
    String line;
    do {
      line = read();
    } while (line != null && line.isBlank());
    if (line == null) {
      ended = true;
      if (models != header.count()) {
        throw new SnapshotFormatException(file, lineNumber + 1, "the file ends after " + models + " models but its "
            + "header announces " + header.count() + (models < header.count() ? ": it is truncated" : ""));
      }
      return null;
    }
    models++;
    if (models > header.count()) {
      throw new SnapshotFormatException(file, lineNumber, "more model lines than the " + header.count()
          + " the header announces");
    }
    return line;
  }

  private @Nullable String read() throws IOException {
    String line;
    try {
      line = in.readLine();
    } catch (EOFException e) {
      throw new SnapshotFormatException(file, lineNumber + 1, "the file is truncated: its gzip data ends inside "
          + "this line (" + models + " complete model lines read)");
    } catch (ZipException e) {
      throw new SnapshotFormatException(file, lineNumber + 1, "corrupt gzip data (" + e.getMessage() + ")");
    } catch (CharacterCodingException e) {
      throw new SnapshotFormatException(file, lineNumber + 1, "not UTF-8 text");
    }
    if (line != null) lineNumber++;
    return line;
  }

  @Override
  public void close() throws IOException {
    ended = true;
    in.close();
  }
}
