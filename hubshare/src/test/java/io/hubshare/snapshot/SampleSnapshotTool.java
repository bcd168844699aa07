package io.hubshare.snapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Makes {@code examples/data/hub-sample-2026-08.jsonl.gz} from the HF//RADAR sample ({@code models.jsonl.gz}, one
 * Hub model object per line, CC BY 4.0). Each line is copied verbatim.
 *
 * <pre>{@code
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "$(cat target/cp.txt):target/classes:target/test-classes" io.hubshare.snapshot.SampleSnapshotTool \
 *     path/to/models.jsonl.gz examples/data/hub-sample-2026-08.jsonl.gz
 * }</pre>
 *
 * <p>The sample is curated and was refreshed during August 2026, not listed at one instant, so the header's
 * {@code startedAt} and {@code completedAt} are the bounds of that month (UTC): every model was read within them.
 * The earliest and latest {@code lastModified} would not do: they date commits to the models (back to 2023), not
 * readings of them.
 */
public final class SampleSnapshotTool {
  static final String ATTRIBUTION = "radar-huggingface-dataset — HF//RADAR (https://radar-huggingface.686f6c61.dev), "
      + "data from the Hugging Face Hub, CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); converted to the "
      + "hubshare snapshot format";

  private SampleSnapshotTool() {}

  /** The header of the converted sample (its count is set by the import). */
  static SnapshotHeader header() {
    return SnapshotHeader.describing("huggingface", "https://huggingface.co",
        Instant.parse("2026-08-01T00:00:00Z"), Instant.parse("2026-09-01T00:00:00Z"),
        "A curated sample of Hub models from radar-huggingface-dataset, refreshed during August 2026: not a "
            + "point-in-time crawl. startedAt and completedAt are the bounds of August 2026 (UTC); each model was "
            + "read at some time within them. Lines are the Hub's list objects, without downloadsAllTime.",
        ATTRIBUTION);
  }

  /** {@code SampleSnapshotTool SOURCE OUT}: converts, replacing OUT. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: SampleSnapshotTool models.jsonl.gz hub-sample-2026-08.jsonl.gz");
      System.exit(2);
    }
    SnapshotHeader h = Snapshots.importLines(Path.of(args[0]), Path.of(args[1]), header(), true);
    System.out.println("wrote " + args[1] + ": " + h.count() + " models");
  }
}
