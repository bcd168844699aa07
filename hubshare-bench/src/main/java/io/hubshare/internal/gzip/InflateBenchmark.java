package io.hubshare.internal.gzip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Inflating a snapshot written as a crawl writes it (the sample's lines, {@code copies} times, a gzip member per
 * 1,000 lines): {@link GZIPInputStream} on one thread against {@link ParallelGunzip}. One operation is the file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InflateBenchmark {
  @Param("examples/data/hub-sample-2026-08.jsonl.gz")
  public String snapshot;

  @Param("8")
  public int copies;

  private Path file;

  @Setup
  public void write() throws IOException {
    String[] lines;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of(snapshot)))) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
    }
    file = Files.createTempFile("inflate-benchmark", ".jsonl.gz");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(member(Arrays.copyOfRange(lines, 0, 1)));
      for (int c = 0; c < copies; c++) {
        for (int i = 1; i < lines.length; i += 1000) {
          out.write(member(Arrays.copyOfRange(lines, i, Math.min(lines.length, i + 1000))));
        }
      }
    }
  }

  @TearDown
  public void delete() throws IOException {
    Files.deleteIfExists(file);
  }

  private static byte[] member(String[] lines) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
      for (String l : lines) gz.write((l + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return b.toByteArray();
  }

  @Benchmark
  public long gzipInputStream() throws IOException {
    return drain(new GZIPInputStream(Files.newInputStream(file), 1 << 16));
  }

  @Benchmark
  public long parallelGunzip() throws IOException {
    return drain(ParallelGunzip.open(file));
  }

  private static long drain(InputStream in) throws IOException {
    long n = 0;
    byte[] buf = new byte[8192];
    try (in) {
      for (int r = in.read(buf); r >= 0; r = in.read(buf)) n += r;
    }
    return n;
  }
}
