package io.hubshare.internal.hf;

import com.fasterxml.jackson.core.JsonParser;
import io.hubshare.internal.protocol.StoredFields;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The parse kernel: one pass over the inflated bytes of a snapshot (the bundled sample by default, 15,156 models),
 * by the field reader of the fast path and by the full reader that builds a {@link io.hubshare.domain.Model} per
 * line. One operation is one pass over every model.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParseBenchmark {
  @Param("examples/data/hub-sample-2026-08.jsonl.gz")
  public String snapshot;

  private byte[] bytes;
  private List<String> lines;

  private static final StoredFields.Request UPLOADER =
      new StoredFields.Request(true, false, false, false, false, false, false);
  private static final StoredFields.Request ROOT =
      new StoredFields.Request(true, false, false, false, true, false, false);

  @Setup
  public void read() throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of(snapshot)))) {
      bytes = in.readAllBytes();
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    lines = new ArrayList<>(List.of(text.split("\n")));
    lines.remove(0); // the header
  }

  /** Id, author and 30-day downloads: what account and country shares by uploader read. */
  @Benchmark
  public long fieldsForUploader() throws IOException {
    return fields(UPLOADER);
  }

  /** The same and the base-model links: what root and parent attribution read. */
  @Benchmark
  public long fieldsForRoot() throws IOException {
    return fields(ROOT);
  }

  /** Id, author and 30-day downloads read by Jackson, line by line: what the scanner leaves to Jackson. */
  @Benchmark
  public long jacksonFieldsForUploader() throws IOException {
    long sum = 0;
    StoredFields f = new StoredFields();
    for (String line : lines) {
      try (JsonParser p = HfJson.FACTORY.createParser(line)) {
        p.nextToken();
        StoredFieldReader.read(p, UPLOADER, f);
      }
      if (f.downloads != null) sum += f.downloads;
    }
    return sum;
  }

  /** A whole model per line, as {@code Snapshot.stream()} gives. */
  @Benchmark
  public void fullModels(Blackhole bh) {
    for (String line : lines) bh.consume(HfModels.parse(line));
  }

  private long fields(StoredFields.Request request) throws IOException {
    long sum = 0;
    try (StoredFieldScanner r = new StoredFieldScanner(new ByteArrayInputStream(bytes), request)) {
      StoredFields f = new StoredFields();
      while (r.next(f)) {
        if (f.downloads != null) sum += f.downloads;
        sum += f.bases.size();
      }
    }
    return sum;
  }
}
