package io.hubshare.snapshot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hubshare.domain.Model;
import io.hubshare.hub.ModelQuery;
import io.hubshare.hub.Models;
import io.hubshare.hub.Page;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One run of a partitioned crawl into {@code out}: the whole listing, cut into parts until the hub serves each part
 * whole (see {@link PartitionPlan}), every model once. Beside {@code out} live {@code out.partial} (the models so
 * far), {@code out.parts} (the journal: parts, pages, outcomes) and {@code out.checkpoint} (how much of both is
 * complete). Each page: models appended and synced, its journal line appended and synced, then the checkpoint by
 * atomic rename; a kill at any instant loses at most the page in flight. At the end, {@code out.coverage.json} and
 * {@code out} appear (both atomically), then the state is removed.
 */
final class PartitionedCrawl {
  private static final System.Logger LOG = System.getLogger(Snapshots.class.getName());

  private final Models models;
  private final String hub;
  private final String endpoint;
  private final ModelQuery root;
  private final String queryString;
  private final CrawlOptions options;
  private final Path out;
  private final Path partial;
  private final Path journalFile;
  private final Path checkpoint;
  private final Path coverageFile;

  PartitionedCrawl(Models models, String hub, String endpoint, ModelQuery root, Path out, CrawlOptions options) {
    if (root.limit() != null) {
      throw new IllegalArgumentException("a partitioned crawl lists everything: the query must not have a limit");
    }
    if (root.cursor() != null) {
      throw new IllegalArgumentException("a partitioned crawl starts from the beginning: the query must not have a "
          + "cursor (resume with CrawlOptions.resume instead)");
    }
    this.models = models;
    this.hub = hub;
    this.endpoint = endpoint;
    this.root = root;
    this.queryString = QueryStrings.of(hub, root);
    this.options = options;
    this.out = out;
    this.partial = Crawl.sibling(out, ".partial");
    this.journalFile = Crawl.sibling(out, ".parts");
    this.checkpoint = Crawl.sibling(out, ".checkpoint");
    this.coverageFile = coverageOf(out);
  }

  /** Where the coverage report of a partitioned crawl into {@code out} is written. */
  static Path coverageOf(Path out) {
    return Crawl.sibling(out, ".coverage.json");
  }

  // The state files are closed early, inside their try-with-resources, when a failed first page deletes them.
  @SuppressWarnings("try")
  CrawlResult run() throws IOException {
    Path dir = out.toAbsolutePath().getParent();
    if (dir != null) Files.createDirectories(dir);
    PartitionCheckpoint saved = Files.exists(checkpoint) ? PartitionCheckpoint.read(checkpoint) : null;
    // State without a complete page (the first page failed, or the crawl was killed before it arrived) holds nothing
    // worth keeping: the crawl simply starts again, resume or not; the restores below empty the old files.
    boolean resumed = saved != null && saved.pages() > 0;
    PartitionCheckpoint cp;
    if (resumed) {
      requireResume();
      cp = saved;
      if (!cp.sameListing(hub, endpoint, queryString)) {
        throw new CrawlStateException(CrawlStateException.Reason.OTHER_LISTING, out, stateFiles(),
            "the interrupted crawl of " + out + " lists " + cp.hub() + " " + cp.endpoint() + " '" + cp.query()
            + "', not " + hub + " " + endpoint + " '" + queryString + "': resume it with the same query, or delete "
            + partial + ", " + journalFile + " and " + checkpoint);
      }
      if (cp.done() && Files.exists(out) && Files.exists(coverageFile)) {
        CrawlResult finished = finishedEarlier(cp);
        if (finished != null) return finished;
      }
      requireOutFree();
    } else {
      requireOutFree();
      cp = PartitionCheckpoint.start(hub, endpoint, queryString, options.clock().instant());
    }
    try (PartialFile pages = PartialFile.open(partial); PartJournal journal = PartJournal.open(journalFile)) {
      pages.restoreTo(cp.bytes(), checkpoint);
      PartitionPlan plan = new PartitionPlan(root);
      List<String> lines = journal.restoreTo(cp.journal(), checkpoint);
      if (lines.isEmpty()) {
        cp = cp.journal(journal.append(plan.begin()));
        cp.write(checkpoint);
      } else {
        for (int i = 0; i < lines.size(); i++) plan.replay(lines.get(i), journalFile, i + 1);
      }
      IdHashSet seen = new IdHashSet(true);
      long found = pages.scan(cp.bytes(), seen);
      if (found != cp.count()) {
        throw new SnapshotFormatException(partial, 0, "holds " + found + " models but the checkpoint " + checkpoint
            + " records " + cp.count() + ": the crawl state is damaged; delete the crawl's files to start again");
      }
      if (resumed) {
        LOG.log(Level.DEBUG, "resuming the partitioned crawl of {0}: {1} models in {2} pages, {3} parts planned", out,
            cp.count(), cp.pages(), plan.parts.size());
      }
      options.listener().onStart(progress(cp, resumed));
      if (!cp.done()) {
        try {
          cp = crawl(plan, cp, pages, journal, seen, resumed);
        } catch (RuntimeException | IOException e) {
          // The first page of a fresh crawl failed: there is nothing to resume, and the same call made again simply
          // starts again.
          if (!resumed && pagesSaved() == 0) {
            try {
              pages.close();
              journal.close();
              cleanUp();
            } catch (IOException cleanup) {
              e.addSuppressed(cleanup);
            }
          }
          throw e;
        }
      }
      return finish(plan, cp, pages, resumed);
    }
  }

  private PartitionCheckpoint crawl(PartitionPlan plan, PartitionCheckpoint start, PartialFile pages,
      PartJournal journal, IdHashSet seen, boolean resumed) throws IOException {
    PartitionCheckpoint cp = start;
    while (plan.currentPart() != null) {
      PartitionPlan.Listing listing = plan.nextListing();
      if (listing == null) {
        cp = cp.journal(journal.append(plan.decide()));
        cp.write(checkpoint);
        continue;
      }
      Iterator<Page<Model>> it;
      try {
        it = models.list(plan.query(listing)).pages().iterator();
      } catch (IllegalArgumentException refused) {
        // The hub cannot list in this order: the part is listed in the others.
        cp = cp.journal(journal.append(List.of(plan.refused(listing, refused.getMessage()))));
        cp.write(checkpoint);
        continue;
      }
      while (it.hasNext()) {
        Page<Model> page = it.next();
        List<String> fresh = new ArrayList<>(page.items().size());
        long skipped = 0;
        for (Model m : page.items()) {
          if (seen.add(m.id())) fresh.add(SnapshotJson.oneLine(m.rawJson()));
          else skipped++;
        }
        long bytes = pages.append(fresh);
        long journalBytes = journal.append(List.of(plan.page(listing, page.items(), page.total(), page.nextCursor())));
        cp = cp.page(bytes, fresh.size(), skipped, journalBytes);
        cp.write(checkpoint);
        options.listener().onPage(progress(cp, resumed));
        if (page.nextCursor() == null) break;
        listing = new PartitionPlan.Listing(listing.part(), listing.sort(), listing.order(), page.nextCursor());
      }
    }
    cp = cp.end(now(cp));
    cp.write(checkpoint);
    return cp;
  }

  private CrawlResult finish(PartitionPlan plan, PartitionCheckpoint cp, PartialFile pages, boolean resumed)
      throws IOException {
    CrawlCoverage coverage = plan.coverage(cp.count());
    Durable.write(coverageFile, coverageJson(coverage, cp).getBytes(StandardCharsets.UTF_8));
    String note = "partitioned crawl: " + coverage.summary() + "; every part in " + coverageFile.getFileName();
    SnapshotHeader header = new SnapshotHeader(SnapshotHeader.CURRENT_FORMAT_VERSION, hub, endpoint, queryString,
        cp.startedAt(), cp.completedAt(), cp.count(), null, note, null);
    requireOutFree();
    Crawl.writeFinal(out, header, pages, cp.bytes());
    pages.close();
    cleanUp();
    // What stayed out of reach is the caller's to report (CrawlResult.coverage(), the coverage file): the library
    // only logs at DEBUG.
    LOG.log(Level.DEBUG, "wrote {0}: {1}; see {2}", out, coverage.summary(), coverageFile);
    return new CrawlResult(out, header, cp.pages(), cp.duplicates(), resumed, coverage);
  }

  /** The result of a crawl killed after its final rename but before it removed its state, or null. */
  private @Nullable CrawlResult finishedEarlier(PartitionCheckpoint cp) throws IOException {
    SnapshotHeader h = Crawl.writtenBy(out, cp.hub(), cp.endpoint(), cp.query(), cp.startedAt(), cp.count());
    if (h == null) return null;
    CrawlCoverage coverage;
    try (PartJournal journal = PartJournal.open(journalFile)) {
      PartitionPlan plan = new PartitionPlan(root);
      List<String> lines = journal.restoreTo(cp.journal(), checkpoint);
      for (int i = 0; i < lines.size(); i++) plan.replay(lines.get(i), journalFile, i + 1);
      coverage = plan.coverage(cp.count());
    }
    cleanUp();
    return new CrawlResult(out, h, cp.pages(), cp.duplicates(), true, coverage);
  }

  private void cleanUp() throws IOException {
    // The partial and journal go first: a checkpoint without them still says "done", and a resume then finds out.
    Files.deleteIfExists(partial);
    Files.deleteIfExists(journalFile);
    Files.deleteIfExists(checkpoint);
    Durable.syncDirectory(out);
  }

  private String coverageJson(CrawlCoverage c, PartitionCheckpoint cp) throws IOException {
    ObjectNode o = SnapshotJson.MAPPER.createObjectNode();
    o.put("format", "hubshare-crawl-coverage");
    o.put("formatVersion", 1);
    o.put("hub", hub);
    o.put("endpoint", endpoint);
    o.put("query", queryString);
    o.put("snapshot", out.getFileName().toString());
    o.put("startedAt", cp.startedAt().toString());
    if (cp.completedAt() != null) o.put("completedAt", cp.completedAt().toString());
    if (c.listed() == null) o.putNull("listed");
    else o.put("listed", c.listed());
    o.put("collected", c.collected());
    o.put("complete", c.complete());
    o.put("summary", c.summary());
    o.put("pages", cp.pages());
    o.put("duplicates", cp.duplicates());
    ArrayNode parts = o.putArray("parts");
    for (CrawlCoverage.Part p : c.parts()) {
      ObjectNode n = parts.addObject();
      n.put("query", p.query());
      if (p.total() == null) n.putNull("total");
      else n.put("total", p.total());
      n.put("reached", p.reached());
      n.put("status", p.status().name().toLowerCase(java.util.Locale.ROOT));
      if (p.splitBy() != null) {
        n.put("splitBy", p.splitBy());
        n.put("children", p.children());
        n.put("unsplit", p.unsplit());
      }
    }
    return SnapshotJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
  }

  /** The complete pages the checkpoint on disk records, or -1 if it cannot be read. */
  private long pagesSaved() {
    try {
      return PartitionCheckpoint.read(checkpoint).pages();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private List<Path> stateFiles() {
    return List.of(partial, checkpoint, journalFile);
  }

  private void requireResume() {
    if (!options.resume()) {
      throw new CrawlStateException(CrawlStateException.Reason.INTERRUPTED, out, stateFiles(), "an interrupted "
          + "crawl of " + out + " left its state in " + partial + ", " + journalFile + " and " + checkpoint
          + ": continue it with CrawlOptions.builder().resume(true), or delete those files to start again");
    }
  }

  private void requireOutFree() {
    if (!options.overwrite() && Files.exists(out)) {
      throw new CrawlStateException(CrawlStateException.Reason.OUTPUT_EXISTS, out, List.of(), out + " exists: "
          + "replace it with CrawlOptions.builder().overwrite(true), or choose another file");
    }
  }

  private Instant now(PartitionCheckpoint cp) {
    Instant now = options.clock().instant();
    return now.isBefore(cp.startedAt()) ? cp.startedAt() : now;
  }

  private static CrawlProgress progress(PartitionCheckpoint cp, boolean resumed) {
    return new CrawlProgress(cp.pages(), cp.count(), cp.duplicates(), null, resumed);
  }
}
