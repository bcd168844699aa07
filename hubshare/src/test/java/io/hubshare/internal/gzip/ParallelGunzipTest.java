package io.hubshare.internal.gzip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ParallelGunzip} gives exactly what {@link GZIPInputStream} gives, and fails where it fails. */
class ParallelGunzipTest {
  @TempDir Path dir;

  static byte[] member(byte[] data) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
      gz.write(data);
    }
    return b.toByteArray();
  }

  /** Text-like bytes: JSON lines of pseudo-random words, compressible as a snapshot is. */
  static byte[] text(Random r, int lines) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      s.append("{\"id\":\"org").append(r.nextInt(5000)).append("/model-").append(r.nextInt(1 << 20))
          .append("\",\"downloads\":").append(r.nextInt(100000)).append("}\n");
    }
    return s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[777];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) out.write(buf, 0, n);
      return out.toByteArray();
    }
  }

  private Path write(String name, byte[]... members) throws IOException {
    Path f = dir.resolve(name);
    try (OutputStream o = Files.newOutputStream(f)) {
      for (byte[] m : members) o.write(m);
    }
    return f;
  }

  private void assertSameAsGzipInputStream(Path f, int threads) throws IOException {
    byte[] expected = readAll(new GZIPInputStream(Files.newInputStream(f)));
    byte[] actual = readAll(ParallelGunzip.open(f, threads));
    assertThat(actual.length).isEqualTo(expected.length);
    assertThat(Arrays.equals(actual, expected)).isTrue();
  }

  @Test
  void manyMembersAcrossManyBlocks() throws IOException {
    Random r = new Random(1);
    byte[][] members = new byte[400][];
    members[0] = member("{\"header\":1}\n".getBytes());
    for (int i = 1; i < members.length; i++) members[i] = member(text(r, 200 + r.nextInt(2000)));
    Path f = write("many.gz", members);
    assertThat(Files.size(f)).isGreaterThan(4L * ParallelGunzip.BLOCK);
    for (int threads : new int[] {1, 2, 3}) assertSameAsGzipInputStream(f, threads);
  }

  @Test
  void oneMemberIsInflatedInOrder() throws IOException {
    Path f = write("one.gz", member(text(new Random(2), 60_000)));
    assertSameAsGzipInputStream(f, 2);
  }

  @Test
  void membersHoldingGzipFilesAreNotCutAtTheInnerHeaders() throws IOException {
    // Stored (incompressible) gzip data inside members puts real header bytes inside the compressed stream: the
    // scan finds them, and only the chain of real members may be used.
    Random r = new Random(3);
    byte[][] members = new byte[60][];
    members[0] = member("{}\n".getBytes());
    for (int i = 1; i < members.length; i++) {
      byte[] inner = new byte[20_000];
      r.nextBytes(inner);
      byte[] nested = member(member(inner));
      members[i] = i % 2 == 0 ? member(nested) : member(text(r, 3000));
    }
    Path f = write("nested.gz", members);
    assertSameAsGzipInputStream(f, 2);
  }

  @Test
  void trailingBytesThatAreNotAMemberEndTheData() throws IOException {
    Random r = new Random(4);
    Path f = write("trailing.gz", member("{}\n".getBytes()), member(text(r, 5000)), member(text(r, 5000)),
        "garbage after the last member".getBytes());
    assertSameAsGzipInputStream(f, 2);
  }

  @Test
  void aTruncatedFileFails() throws IOException {
    Random r = new Random(5);
    byte[] whole = member(text(r, 50_000));
    Path one = write("cut-one.gz", Arrays.copyOf(whole, whole.length - 100));
    assertThatThrownBy(() -> readAll(ParallelGunzip.open(one, 2))).isInstanceOf(EOFException.class);
    byte[][] members = {member("{}\n".getBytes()), member(text(r, 5000)), member(text(r, 5000))};
    byte[] last = Arrays.copyOf(members[2], members[2].length - 3);
    Path many = write("cut-many.gz", members[0], members[1], last);
    assertThatThrownBy(() -> readAll(ParallelGunzip.open(many, 2))).isInstanceOf(EOFException.class);
  }

  @Test
  void aCorruptMemberFails() throws IOException {
    Random r = new Random(6);
    byte[][] members = new byte[30][];
    members[0] = member("{}\n".getBytes());
    for (int i = 1; i < members.length; i++) members[i] = member(text(r, 3000));
    byte[] bad = members[17].clone();
    bad[bad.length - 6] ^= 0x55; // the CRC-32 of the trailer
    members[17] = bad;
    Path f = write("corrupt.gz", members);
    assertThatThrownBy(() -> readAll(new GZIPInputStream(Files.newInputStream(f)))).isInstanceOf(ZipException.class);
    assertThatThrownBy(() -> readAll(ParallelGunzip.open(f, 2))).isInstanceOf(ZipException.class);
  }

  @Test
  void closingEarlyStopsTheThreads() throws IOException, InterruptedException {
    Random r = new Random(7);
    byte[][] members = new byte[200][];
    members[0] = member("{}\n".getBytes());
    for (int i = 1; i < members.length; i++) members[i] = member(text(r, 3000));
    Path f = write("early.gz", members);
    for (int i = 0; i < 20; i++) {
      try (InputStream in = ParallelGunzip.open(f, 2)) {
        assertThat(in.read(new byte[1000])).isPositive();
      }
    }
    Thread.sleep(300);
    long alive = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("hubshare-gunzip") && t.isAlive()).count();
    assertThat(alive).isZero();
  }

  @Test
  void anErrorOnTheInflatingThreadReachesTheReaderInsteadOfLeavingItWaiting() throws IOException {
    // One member, too large to be taken as a crawl's: inflated in order on the pool thread, which runs out of memory.
    Random r = new Random(11);
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    for (int i = 0; i < 40; i++) text.write(text(r, 4000));
    Path f = write("one.gz", member(text.toByteArray()));
    assertThat(Files.size(f)).isGreaterThan(2L * ParallelGunzip.FIRST_MEMBER_LIMIT);
    FileChannel failing = new FailingChannel(FileChannel.open(f), ParallelGunzip.FIRST_MEMBER_LIMIT);
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      try (InputStream in = ParallelGunzip.open(failing, 2)) {
        assertThatThrownBy(() -> readAll(in)).isInstanceOf(OutOfMemoryError.class).hasMessage("simulated");
      }
    });
  }

  /** A file's channel whose reads past {@code limit} throw {@link OutOfMemoryError}. */
  private static final class FailingChannel extends FileChannel {
    private final FileChannel in;
    private final long limit;

    FailingChannel(FileChannel in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      if (position > limit) throw new OutOfMemoryError("simulated");
      return in.read(dst, position);
    }

    @Override
    public long size() throws IOException {
      return in.size();
    }

    @Override
    protected void implCloseChannel() throws IOException {
      in.close();
    }

    @Override
    public int read(ByteBuffer dst) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int write(ByteBuffer src) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long position() {
      throw new UnsupportedOperationException();
    }

    @Override
    public FileChannel position(long newPosition) {
      throw new UnsupportedOperationException();
    }

    @Override
    public FileChannel truncate(long size) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void force(boolean metaData) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int write(ByteBuffer src, long position) {
      throw new UnsupportedOperationException();
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) {
      throw new UnsupportedOperationException();
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) {
      throw new UnsupportedOperationException();
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) {
      throw new UnsupportedOperationException();
    }
  }
}
