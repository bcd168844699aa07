package io.hubshare.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hubshare.origin.Origin;
import io.hubshare.origin.OriginRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hubshare origins [ACCOUNT...]}: who stands behind Hub accounts, and where, with the source of each
 * attribution. Without accounts, the whole registry.
 */
@Command(name = "origins",
    description = "Show who stands behind Hub accounts: organisation, country, region, kind of developer, and the "
        + "source of each attribution. Without ACCOUNT, list the whole registry. An account the registry does "
        + "not know is shown as unknown, never guessed.")
final class OriginsCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "ACCOUNT", arity = "0..*", description = "Hub accounts, in any case (Qwen, meta-llama).")
  private List<String> accounts = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  private OutputFormat format;

  @Option(names = "--origins", paramLabel = "FILE",
      description = "Extra origins, a CSV file in the format of the bundled origins.csv; its entries win.")
  private @Nullable Path originsFile;

  @Override
  public Integer call() throws Exception {
    OriginRegistry registry = Registries.load(originsFile);
    List<Origin> origins = new ArrayList<>();
    if (accounts.isEmpty()) {
      origins.addAll(registry.entries());
    } else {
      for (String a : accounts) origins.add(registry.of(a));
    }
    Output out = Output.of(spec);
    if (format == OutputFormat.JSON) {
      out.json(toJson(origins));
    } else if (format == OutputFormat.CSV) {
      out.print(toCsv(origins).toCsv());
    } else {
      out.print(toTable(origins, registry).toText());
    }
    return ExitCodes.OK;
  }

  /** A list of {@code {"account","organization","country","region","kind","source"}}; unknowns hold nulls. */
  static ArrayNode toJson(List<Origin> origins) {
    ArrayNode list = Json.array();
    for (Origin o : origins) {
      ObjectNode n = list.addObject();
      n.put("account", o.account());
      n.put("organization", o.organization());
      n.put("country", o.country());
      n.put("region", o.region());
      n.put("kind", o.kind().label());
      n.put("source", o.source());
    }
    return list;
  }

  /** The JSON's fields as CSV columns, the same names and values: an unknown account's cells are empty. */
  static TextTable toCsv(List<Origin> origins) {
    TextTable t = TextTable.of("account", "organization", "country", "region", "kind", "source");
    for (Origin o : origins) {
      t.add(o.account(), o.organization(), o.country(), o.region(), o.kind().label(), o.source());
    }
    return t;
  }

  /**
   * The origins as a table. An account reviewed and deliberately left unknown says why in its source column, so that
   * "reviewed, unknown" reads differently from "never looked at".
   */
  static TextTable toTable(List<Origin> origins, OriginRegistry registry) {
    TextTable t = TextTable.of("account", "organization", "country", "region", "kind", "source");
    for (Origin o : origins) {
      String source = o.source();
      if (source == null) {
        String reason = registry.unattributedReason(o.account());
        if (reason != null) source = "(left unknown: " + reason + ")";
      }
      t.add(o.account(), o.organization(), o.country(), o.region(), o.kind().label(), source);
    }
    return t;
  }
}
