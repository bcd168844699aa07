package io.hubshare.analytics;

import io.hubshare.domain.Hub;
import io.hubshare.internal.gzip.ParallelGunzip;
import io.hubshare.internal.protocol.HubProtocol;
import io.hubshare.internal.protocol.StoredFields;
import io.hubshare.lineage.Attribution;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/**
 * The aggregate kernel: the sample's models, already read into fields, added up by a {@link ShareAccumulator}
 * (origin lookup, group sums, and for ROOT the lineage index and the parked sums). One operation is one table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AggregateBenchmark {
  @Param("examples/data/hub-sample-2026-08.jsonl.gz")
  public String snapshot;

  private final List<StoredFields> models = new ArrayList<>();

  @Setup
  public void read() throws IOException {
    StoredFields.Request all = new StoredFields.Request(true, true, true, true, true, true, true);
    try (InputStream in = ParallelGunzip.open(Path.of(snapshot));
        StoredFields.Reader r = HubProtocol.of(Hub.HUGGING_FACE).storedFields(in, all, true)) {
      while (true) {
        StoredFields f = new StoredFields();
        if (!r.next(f)) break;
        models.add(f);
      }
    }
  }

  @Benchmark
  public ShareTable countryByUploader() {
    return run(Shares.by(Dimension.COUNTRY));
  }

  @Benchmark
  public ShareTable accountByUploader() {
    return run(Shares.by(Dimension.ACCOUNT));
  }

  @Benchmark
  public ShareTable countryByRoot() {
    return run(Shares.by(Dimension.COUNTRY).attribution(Attribution.ROOT));
  }

  private ShareTable run(Shares shares) {
    ShareAccumulator acc = shares.accumulator();
    for (StoredFields f : models) acc.add(f, Hub.HUGGING_FACE, true);
    return acc.result();
  }
}
