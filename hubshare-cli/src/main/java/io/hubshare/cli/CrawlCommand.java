package io.hubshare.cli;

import io.hubshare.HubClient;
import io.hubshare.domain.Hub;
import io.hubshare.snapshot.CrawlCoverage;
import io.hubshare.snapshot.CrawlListener;
import io.hubshare.snapshot.CrawlOptions;
import io.hubshare.snapshot.CrawlProgress;
import io.hubshare.snapshot.CrawlResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hubshare crawl --out FILE}: the Hub's model listing into a snapshot file, page by page, resumable after a
 * kill, with a progress bar on a terminal.
 */
@Command(name = "crawl",
    description = "Crawl a hub's model listing into a snapshot file (gzip JSON Lines): every page, each model "
        + "once, with the fields the shares need. The crawl checkpoints after each page: if it stops (killed, "
        + "network down, out of quota), run the same command with --resume to continue where it was. ModelScope "
        + "serves only the first 3,000 results of a query, so with --hub modelscope (and no --limit) the listing is "
        + "cut into parts (sort orders, then task, licence, library, owner) until each is served whole, and what "
        + "stayed out of reach is reported on stderr and in FILE.coverage.json.")
final class CrawlCommand implements Callable<Integer> {

  @ParentCommand
  private HubshareCommand root;

  @Spec
  private CommandSpec spec;

  @Option(names = "--out", paramLabel = "FILE", required = true,
      description = "The snapshot file to write (hub-2026-08-31.jsonl.gz). It appears only once complete.")
  private Path out;

  @Option(names = "--resume", description = "Continue the interrupted crawl whose state lies beside FILE.")
  private boolean resume;

  @Option(names = "--overwrite", description = "Replace FILE if it exists (once the new one is complete).")
  private boolean overwrite;

  @Mixin
  private QueryOptions query;

  @Mixin
  private HubOptions hub;

  @Override
  public Integer call() {
    CrawlOptions.Builder options = CrawlOptions.builder().resume(resume).overwrite(overwrite);
    CrawlResult result;
    try (HubClient client = hub.client(root.context());
        Progress progress = Progress.of(root.context(), spec.commandLine().getErr(), "Crawl", "models")) {
      options.listener(new CrawlListener() {
        @Override
        public void onStart(CrawlProgress p) {
          progress.update(p.models(), p.limit(), describe(p));
        }

        @Override
        public void onPage(CrawlProgress p) {
          progress.update(p.models(), p.limit(), describe(p));
        }
      });
      if (partitioned(client)) {
        // ModelScope serves only the first 3,000 results of a query: the whole hub takes a partitioned crawl, and
        // its items have fixed fields (no expand).
        result = client.snapshots().crawlPartitioned(query.toQuery(spec, List.of()), out, options.build());
      } else {
        result = client.snapshots().crawl(query.toQuery(spec), out, options.build());
      }
      progress.finish(summary(result));
      if (result.coverage() != null) report(result.coverage(), spec.commandLine().getErr());
    }
    return ExitCodes.OK;
  }

  /** A hub that caps each query's results is crawled partitioned, unless a limit asks for the first models only. */
  private boolean partitioned(HubClient client) {
    return client.hub().equals(Hub.MODELSCOPE) && query.limit == null;
  }

  /** What the partitioned crawl could not reach: every part still capped, every split with a gap. */
  static void report(CrawlCoverage c, PrintWriter err) {
    err.println("coverage: " + c.summary());
    for (CrawlCoverage.Part p : c.capped()) {
      err.println("  capped: " + (p.query().isEmpty() ? "(all models)" : p.query()) + ": reached "
          + Numbers.grouped(p.reached()) + " of " + (p.total() == null ? "?" : Numbers.grouped(p.total())));
    }
    for (CrawlCoverage.Part p : c.gaps()) {
      err.println("  gap: " + (p.query().isEmpty() ? "(all models)" : p.query()) + " split by " + p.splitBy()
          + ": at least " + Numbers.grouped(p.unsplit()) + " models in none of its " + p.children() + " parts");
    }
  }

  private static String describe(CrawlProgress p) {
    return p.pages() + (p.pages() == 1 ? " page" : " pages") + (p.resumed() ? ", resumed" : "");
  }

  /** {@code crawl: wrote 15,156 models in 16 pages to hub.jsonl.gz (resumed; 3 listed twice, kept once)}. */
  static String summary(CrawlResult r) {
    StringBuilder b = new StringBuilder("crawl: wrote ").append(Numbers.grouped(r.models())).append(" models in ")
        .append(Numbers.grouped(r.pages())).append(r.pages() == 1 ? " page" : " pages").append(" to ")
        .append(r.file());
    if (r.resumed() || r.duplicates() > 0) {
      b.append(" (");
      if (r.resumed()) b.append("resumed");
      if (r.resumed() && r.duplicates() > 0) b.append("; ");
      if (r.duplicates() > 0) b.append(Numbers.grouped(r.duplicates())).append(" listed twice, kept once");
      b.append(')');
    }
    return b.toString();
  }
}
