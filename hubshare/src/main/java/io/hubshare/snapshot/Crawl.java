package io.hubshare.snapshot;

import io.hubshare.hub.ModelQuery;
import io.hubshare.hub.Models;
import io.hubshare.hub.Page;
import io.hubshare.domain.Model;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One run of a crawl into {@code out}. Beside it live {@code out.partial} (the pages so far, one gzip member each)
 * and {@code out.checkpoint} (the cursor and the partial length after the last complete page). The order of writes
 * is what makes a kill at any instant harmless: page bytes, sync, then the checkpoint by atomic rename; at the end,
 * the final file by atomic rename, then the partial, then the checkpoint are deleted.
 */
final class Crawl {
  private static final System.Logger LOG = System.getLogger(Snapshots.class.getName());

  private final Models models;
  private final String hub;
  private final String endpoint;
  private final ModelQuery query;
  private final String queryString;
  private final @Nullable Long limit;
  private final CrawlOptions options;
  /** How many models the hub said the listing holds, on the last page fetched in this run, if it says. */
  private @Nullable Long listed;
  private final Path out;
  private final Path partial;
  private final Path checkpoint;

  Crawl(Models models, String hub, String endpoint, ModelQuery query, Path out, CrawlOptions options) {
    this.models = models;
    this.hub = hub;
    this.endpoint = endpoint;
    this.query = query;
    this.queryString = QueryStrings.of(hub, query);
    this.limit = query.limit();
    this.options = options;
    this.out = out;
    this.partial = sibling(out, ".partial");
    this.checkpoint = sibling(out, ".checkpoint");
  }

  static Path sibling(Path out, String suffix) {
    return out.resolveSibling(out.getFileName() + suffix);
  }

  CrawlResult run() throws IOException {
    Path dir = out.toAbsolutePath().getParent();
    if (dir != null) Files.createDirectories(dir);
    Checkpoint saved = Files.exists(checkpoint) ? Checkpoint.read(checkpoint) : null;
    // State without a complete page (the first page failed, or the crawl was killed before it arrived) holds
    // nothing worth keeping: the crawl simply starts again, resume or not.
    boolean resumed = saved != null && saved.pages() > 0;
    if (resumed) {
      requireResume();
      requireSameListing(saved);
      if (saved.done() && Files.exists(out)) {
        CrawlResult finished = finishedEarlier(saved);
        if (finished != null) return finished;
      }
    }
    requireOutFree();
    try (PartialFile pages = PartialFile.open(partial)) {
      Checkpoint cp;
      if (resumed) {
        cp = saved;
        LOG.log(Level.DEBUG, "resuming the crawl of {0} after {1} pages ({2} models)", out, cp.pages(), cp.count());
      } else {
        cp = Checkpoint.start(hub, endpoint, queryString, limit, options.clock().instant(), query.cursor());
        cp.write(checkpoint);
      }
      pages.restoreTo(cp.bytes(), checkpoint);
      IdHashSet seen = new IdHashSet(true);
      long found = pages.scan(cp.bytes(), seen);
      if (!pages.sha256Hex().equals(cp.partialSha256())) {
        throw new SnapshotFormatException(partial, 0, "does not hold the pages its checkpoint " + checkpoint
            + " vouches for (their SHA-256 differs): it was rewritten or damaged since; resuming could write models "
            + "no hub listed. Delete both files to start again");
      }
      if (found != cp.count()) {
        throw new SnapshotFormatException(partial, 0, "holds " + found + " models but the checkpoint " + checkpoint
            + " records " + cp.count() + ": the crawl state is damaged; delete both files to start again");
      }
      options.listener().onStart(progress(cp, resumed));
      if (!cp.done()) cp = fetchOrForget(cp, pages, seen, resumed);
      return finish(cp, pages, resumed);
    }
  }

  /**
   * Fetches the remaining pages. If the first page of a fresh crawl fails, its empty state is removed: there is
   * nothing to resume, and the same call made again simply starts again.
   */
  private Checkpoint fetchOrForget(Checkpoint cp, PartialFile pages, IdHashSet seen, boolean resumed)
      throws IOException {
    try {
      return fetch(cp, pages, seen, resumed);
    } catch (RuntimeException | IOException e) {
      if (!resumed && pagesSaved() == 0) {
        try {
          pages.close();
          cleanUp();
        } catch (IOException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      throw e;
    }
  }

  /** The complete pages the checkpoint on disk records, or -1 if it cannot be read. */
  private long pagesSaved() {
    try {
      return Checkpoint.read(checkpoint).pages();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private Checkpoint fetch(Checkpoint start, PartialFile pages, IdHashSet seen, boolean resumed) throws IOException {
    Checkpoint cp = start;
    ModelQuery.Builder next = query.toBuilder().cursor(cp.cursor());
    if (limit != null) next.limit(limit - cp.count());
    Iterator<Page<Model>> it = models.list(next.build()).pages().iterator();
    while (it.hasNext()) {
      Page<Model> page = it.next();
      if (page.total() != null) listed = page.total();
      List<String> lines = new ArrayList<>(page.items().size());
      long skipped = 0;
      for (Model m : page.items()) {
        if (limit != null && cp.count() + lines.size() >= limit) break;
        if (seen.add(m.id())) {
          lines.add(SnapshotJson.oneLine(m.rawJson()));
        } else {
          skipped++;
        }
      }
      long bytes = pages.append(lines);
      boolean end = page.nextCursor() == null || limit != null && cp.count() + lines.size() >= limit;
      cp = cp.advance(page.nextCursor(), bytes, lines.size(), skipped, end ? now(cp) : null, pages.sha256Hex());
      cp.write(checkpoint);
      if (skipped > 0) LOG.log(Level.DEBUG, "page {0}: skipped {1} models listed before", cp.pages(), skipped);
      options.listener().onPage(progress(cp, resumed));
      if (end) return cp;
    }
    cp = cp.end(now(cp));
    cp.write(checkpoint);
    return cp;
  }

  private CrawlResult finish(Checkpoint cp, PartialFile pages, boolean resumed) throws IOException {
    String note = null;
    if (limit == null && listed != null && cp.count() < listed) {
      // A hub that serves only the first results of a query (ModelScope: 3,000) ended the listing early.
      note = "the hub served " + cp.count() + " of the " + listed + " models it lists for this query, and no more: "
          + "crawl it partitioned (Snapshots.crawlPartitioned) to reach the rest";
      // The header's note carries it to whoever reads the snapshot; the library itself logs at DEBUG only.
      LOG.log(Level.DEBUG, "{0}: {1}", out, note);
    }
    SnapshotHeader header = new SnapshotHeader(SnapshotHeader.CURRENT_FORMAT_VERSION, hub, endpoint, queryString,
        cp.startedAt(), cp.completedAt(), cp.count(), limit, note, null);
    requireOutFree();
    writeFinal(out, header, pages, cp.bytes());
    pages.close();
    cleanUp();
    LOG.log(Level.DEBUG, "wrote {0}: {1} models in {2} page(s)", out, cp.count(), cp.pages());
    return new CrawlResult(out, header, cp.pages(), cp.duplicates(), resumed);
  }

  /**
   * The header of {@code out} if it is the snapshot the crawl described by these values wrote (a crawl killed after
   * its final rename but before it removed its state), else {@code null}.
   */
  static @Nullable SnapshotHeader writtenBy(Path out, String hub, String endpoint, String query, Instant startedAt,
      long count) throws IOException {
    SnapshotHeader h;
    try (SnapshotReader r = SnapshotReader.open(out)) {
      h = r.header();
    } catch (SnapshotFormatException e) {
      return null;
    }
    boolean same = h.hub().equals(hub) && h.endpoint().equals(endpoint) && h.query().equals(query)
        && h.startedAt().equals(startedAt) && h.count() == count;
    return same ? h : null;
  }

  /**
   * Writes the snapshot {@code out}: the header, then the first {@code bytes} of the partial file, into
   * {@code out.tmp}, synced, then renamed onto {@code out} atomically.
   */
  static void writeFinal(Path out, SnapshotHeader header, PartialFile pages, long bytes) throws IOException {
    Path temp = sibling(out, ".tmp");
    try {
      // Created new, never through a link planted at out.tmp.
      try (FileChannel t = Durable.createTemp(temp)) {
        Durable.writeFully(t, ByteBuffer.wrap(Gzip.member(List.of(SnapshotJson.headerLine(header)))), 0);
        pages.copyTo(t, bytes);
        t.force(true);
      }
      Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      // A full disk, say: the pages and the checkpoint stay for a resume; the half-written file goes.
      Durable.deleteQuietly(temp);
      if (e instanceof IOException io) throw Durable.cannotWrite(temp, io);
      throw (RuntimeException) e;
    }
    Durable.syncDirectory(out);
  }

  /** The result of a crawl killed after its final rename but before it removed its state, or null. */
  private @Nullable CrawlResult finishedEarlier(Checkpoint cp) throws IOException {
    SnapshotHeader h = writtenBy(out, cp.hub(), cp.endpoint(), cp.query(), cp.startedAt(), cp.count());
    if (h == null) return null;
    cleanUp();
    return new CrawlResult(out, h, cp.pages(), cp.duplicates(), true);
  }

  private void cleanUp() throws IOException {
    // The partial goes first: a checkpoint without its partial still says "done", and a resume then finds out.
    Files.deleteIfExists(partial);
    Files.deleteIfExists(checkpoint);
    Durable.syncDirectory(out);
  }

  private void requireResume() {
    if (!options.resume()) {
      throw new CrawlStateException(CrawlStateException.Reason.INTERRUPTED, out, List.of(partial, checkpoint),
          "an interrupted crawl of " + out
          + " left its state in " + partial + " and " + checkpoint + ": continue it with "
          + "CrawlOptions.builder().resume(true), or delete those files to start again");
    }
  }

  private void requireSameListing(Checkpoint saved) {
    Checkpoint wanted = Checkpoint.start(hub, endpoint, queryString, limit, saved.startedAt(), null);
    if (!saved.sameListing(wanted)) {
      throw new CrawlStateException(CrawlStateException.Reason.OTHER_LISTING, out, List.of(partial, checkpoint),
          "the interrupted crawl of " + out + " lists " + describe(saved.hub(),
          saved.endpoint(), saved.query(), saved.limit()) + ", not " + describe(hub, endpoint, queryString, limit)
          + ": resume it with the same query, or delete " + partial + " and " + checkpoint + " to start again");
    }
  }

  private void requireOutFree() {
    if (!options.overwrite() && Files.exists(out)) {
      throw new CrawlStateException(CrawlStateException.Reason.OUTPUT_EXISTS, out, List.of(), out + " exists: "
          + "replace it with CrawlOptions.builder().overwrite(true), or choose another file");
    }
  }

  /** The clock's time, never before the crawl's start (a clock set back between runs must not break the header). */
  private Instant now(Checkpoint cp) {
    Instant now = options.clock().instant();
    return now.isBefore(cp.startedAt()) ? cp.startedAt() : now;
  }

  private static String describe(String hub, String endpoint, String query, @Nullable Long limit) {
    return hub + " " + endpoint + " '" + query + "'" + (limit == null ? "" : " (limit " + limit + ")");
  }

  private static CrawlProgress progress(Checkpoint cp, boolean resumed) {
    return new CrawlProgress(cp.pages(), cp.count(), cp.duplicates(), cp.limit(), resumed);
  }
}
