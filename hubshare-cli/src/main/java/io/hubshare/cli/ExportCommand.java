package io.hubshare.cli;

import io.hubshare.snapshot.Snapshot;
import io.hubshare.sql.ParquetExport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hubshare export --to parquet --out DIR --from SNAPSHOT…}: snapshots as Parquet in a Hive-style layout
 * that DuckDB, Spark or Trino read together.
 */
@Command(name = "export",
    description = "Write snapshots as Parquet, laid out DIR/hub=…/date=…/models.parquet with the list API's column "
        + "names, so that DuckDB, Spark or Trino read many snapshots at once; each model's lineage goes to "
        + "DIR/_lineage/hub=…/date=…/lineage.parquet and the origin registry to DIR/_origins/origins.parquet.")
final class ExportCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--to", paramLabel = "FORMAT", required = true, description = "The format: parquet.")
  private String to;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "The directory to write into.")
  private Path out;

  @Option(names = "--from", paramLabel = "SNAPSHOT", arity = "1..*", required = true,
      description = "Snapshots of any format hubshare reads; a directory stands for its dated files.")
  private List<Path> from = new ArrayList<>();

  @Option(names = "--at", paramLabel = "DATE", converter = Converters.InstantConverter.class,
      description = "When the one --from file was read, for a file that does not say.")
  private @Nullable Instant at;

  @Option(names = "--overwrite", description = "Replace a snapshot's files that were exported before.")
  private boolean overwrite;

  @Option(names = "--origins", paramLabel = "FILE",
      description = "Extra origins, a CSV file in the format of the bundled origins.csv; its entries win.")
  private @Nullable Path originsFile;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "How to report what was written: table or json (default: ${DEFAULT-VALUE}).")
  private OutputFormat format;

  @Override
  public Integer call() throws IOException {
    if (!to.trim().toLowerCase(Locale.ROOT).equals("parquet")) {
      throw CliFailure.usage("--to " + to + ": the only export format is parquet");
    }
    OutputFormat f = format.withoutCsv(spec);
    List<Path> files = SnapshotFiles.expand(from);
    if (at != null && files.size() != 1) {
      throw CliFailure.usage("--at gives the time of one --from file, not of " + files.size());
    }
    ParquetExport export = ParquetExport.to(out).overwrite(overwrite).origins(Registries.load(originsFile));
    TextTable table = TextTable.of("hub", "date", "models", "file").alignRight(2);
    var json = Json.object();
    var written = json.putArray("snapshots");
    for (Path file : files) {
      ParquetExport.Written w;
      try (Snapshot s = SnapshotFiles.open(file, at)) {
        w = export.write(s);
        var o = written.addObject();
        o.put("source", file.toString());
        o.put("describe", s.describe());
        o.put("hub", w.hub());
        o.put("date", w.date().toString());
        o.put("models", w.models());
        o.put("models_file", w.modelsFile().toString());
        o.put("lineage_file", w.lineageFile().toString());
      }
      table.add(w.hub(), w.date(), Numbers.grouped(w.models()), w.modelsFile());
    }
    json.put("origins_file", out.resolve("_origins").resolve("origins.parquet").toString());
    Output o = Output.of(spec);
    if (f == OutputFormat.JSON) {
      o.json(json);
    } else {
      o.print(table.toText());
      o.println("lineage: " + out.resolve("_lineage") + ", origins: " + out.resolve("_origins")
          .resolve("origins.parquet"));
    }
    return ExitCodes.OK;
  }
}
