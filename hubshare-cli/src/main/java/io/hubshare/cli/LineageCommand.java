package io.hubshare.cli;

import io.hubshare.HubClient;
import io.hubshare.hub.ModelIds;
import io.hubshare.domain.Model;
import io.hubshare.lineage.Lineage;
import io.hubshare.lineage.LineageIndex;
import io.hubshare.lineage.LineageWalker;
import io.hubshare.lineage.ModelIndex;
import io.hubshare.origin.OriginRegistry;
import io.hubshare.snapshot.Snapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hubshare lineage ID}: the model's bases, parent by parent, up to its root, from the live Hub or from a
 * snapshot. A base that cannot be found ends the walk as missing; a base met twice ends it as a cycle.
 */
@Command(name = "lineage",
    description = "Walk a model's base-model links up to its root: each step's relation (finetune, adapter, quantized, "
        + "merge) and developer. Where a model names several bases, the walk follows one (the same rule as the "
        + "shares' root attribution) and shows the others. A base that is deleted, private or gated ends the "
        + "walk as missing; a base met twice ends it as a cycle.")
final class LineageCommand implements Callable<Integer> {

  @ParentCommand
  private HubshareCommand root;

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The model's repository id (unsloth/Qwen3-8B-GGUF).")
  private String id;

  @Option(names = "--from", paramLabel = "SNAPSHOT",
      description = "Walk the links stored in this snapshot file instead of asking the Hub.")
  private @Nullable Path from;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  private OutputFormat format;

  @Mixin
  private HubOptions hub;

  @Override
  public Integer call() throws IOException {
    OutputFormat f = format.withoutCsv(spec);
    if (from != null && hub.endpoint != null) throw CliFailure.usage("--from and --endpoint cannot be combined");
    ModelIds.requireValid(id);
    Lineage lineage = from != null ? fromSnapshot(from) : fromHub();
    if (lineage.chain().isEmpty() && lineage.end() == Lineage.End.MISSING) {
      throw new CliFailure("model '" + id + "' not found" + (from == null ? "" : " in " + from), ExitCodes.FAILURE);
    }
    Output out = Output.of(spec);
    if (f == OutputFormat.JSON) {
      out.json(LineageView.toJson(lineage));
    } else {
      out.print(LineageView.toText(lineage, OriginRegistry.bundled()));
    }
    return ExitCodes.OK;
  }

  private Lineage fromHub() {
    try (HubClient client = hub.client(root.context())) {
      return new LineageWalker(ModelIndex.fetching(client.models())).walk(id);
    }
  }

  /**
   * Two passes, so that a snapshot of the whole Hub never sits in memory: the compact link index finds the ids on
   * the way up, then only those models are read back for the walk.
   */
  private Lineage fromSnapshot(Path file) throws IOException {
    try (Snapshot snapshot = SnapshotFiles.open(file)) {
      LineageIndex links;
      try (Stream<Model> models = snapshot.stream()) {
        LineageIndex.Builder b = LineageIndex.builder();
        models.forEach(b::add);
        links = b.build();
      }
      Set<String> wanted = idsOnTheWayUp(links);
      List<Model> needed = new ArrayList<>();
      try (Stream<Model> models = snapshot.stream()) {
        models.filter(m -> wanted.contains(key(m.id()))).forEach(needed::add);
      }
      return new LineageWalker(ModelIndex.of(needed)).walk(id);
    }
  }

  private Set<String> idsOnTheWayUp(LineageIndex links) {
    Set<String> ids = new HashSet<>();
    Set<String> walked = new HashSet<>();
    String current = id;
    while (current != null && walked.add(key(current))) {
      ids.add(key(current));
      // Every base on the way: the walk looks the primary one up, and reports the others.
      links.parentsOf(current).forEach(b -> ids.add(key(b.id())));
      current = links.primaryParentOf(current);
    }
    return ids;
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }
}
