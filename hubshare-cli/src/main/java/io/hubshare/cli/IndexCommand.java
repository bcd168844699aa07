package io.hubshare.cli;

import io.hubshare.analytics.ShareColumns;
import io.hubshare.snapshot.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hubshare index SNAPSHOT...}: writes each snapshot's columnar companion ({@code F.cols} beside {@code F}),
 * which later {@code shares --from F} reads instead of inflating the snapshot again.
 */
@Command(name = "index",
    description = "Write a columnar companion beside each snapshot (FILE.cols): what share tables read of each "
        + "model, stored once, so that later 'shares --from FILE' answers without inflating FILE again. The "
        + "companion is checked against its snapshot (size, time, header) and ignored when they differ; write it "
        + "again after replacing the snapshot.")
final class IndexCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "SNAPSHOT", arity = "1..*", description = "Snapshot files (.jsonl.gz).")
  private List<Path> files = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    for (Path f : files) SnapshotFiles.requireFile(f);
    for (Path f : files) {
      try (Snapshot s = SnapshotFiles.open(f)) {
        Path out = ShareColumns.write(s);
        spec.commandLine().getOut().println(out + ": " + Numbers.grouped(s.header().count()) + " models, "
            + Numbers.grouped(Files.size(out)) + " bytes");
      }
    }
    return ExitCodes.OK;
  }
}
