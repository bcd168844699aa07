package io.hubshare.snapshot;

import io.hubshare.hub.ModelQuery;
import io.hubshare.hub.Models;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Crawls a hub's model listing into a snapshot file, and opens snapshot files. The hub keeps no download history
 * (only the last 30 days and all time), so every other window needs two snapshots: see {@link SnapshotDelta}.
 *
 * <pre>{@code
 * try (HubClient hub = HubClient.create()) {
 *   ModelQuery all = ModelQuery.builder()
 *       .expand("author", "createdAt", "downloads", "downloadsAllTime", "tags", "cardData", "safetensors")
 *       .pageSize(1000).build();
 *   CrawlResult r = hub.snapshots().crawl(all, Path.of("hub-2026-08-01.jsonl.gz"),
 *       CrawlOptions.builder().resume(true).build());   // resume: continues a crawl killed earlier, if any
 *   System.out.println(r.models() + " models");
 * }
 * }</pre>
 *
 * <p>A crawl writes its pages to {@code FILE.partial} and its position to {@code FILE.checkpoint}; it can be killed
 * at any instant ({@code kill -9} included) and resumed with {@link CrawlOptions.Builder#resume(boolean)}, ending
 * with every model exactly once. {@code FILE} itself appears only when complete. Thread-safe: each crawl is
 * independent, but two crawls into the same file at once are refused.
 */
public final class Snapshots {
  private final Models models;
  private final String hub;
  private final String endpoint;

  /**
   * @param models the listing service to crawl
   * @param hub the hub's name for snapshot headers, such as {@code huggingface}
   * @param endpoint the hub's base URL, recorded in snapshot headers
   * @throws IllegalArgumentException if {@code hub} is blank or {@code endpoint} is not an absolute URL
   */
  public Snapshots(Models models, String hub, URI endpoint) {
    this.models = Objects.requireNonNull(models, "models");
    Objects.requireNonNull(hub, "hub");
    if (hub.isBlank()) throw new IllegalArgumentException("hub must not be blank");
    this.hub = hub;
    Objects.requireNonNull(endpoint, "endpoint");
    if (!endpoint.isAbsolute() || endpoint.getHost() == null) {
      throw new IllegalArgumentException("endpoint must be an absolute URL: " + endpoint);
    }
    String e = endpoint.toString();
    this.endpoint = e.endsWith("/") ? e.substring(0, e.length() - 1) : e;
  }

  /**
   * Crawls the models matching {@code query} into {@code out}, refusing to touch existing files. Same as
   * {@link #crawl(ModelQuery, Path, CrawlOptions)} with {@link CrawlOptions#defaults()}.
   */
  public CrawlResult crawl(ModelQuery query, Path out) {
    return crawl(query, out, CrawlOptions.defaults());
  }

  /**
   * Crawls the models matching {@code query} into the snapshot file {@code out}: every page of the listing, each
   * model once, in the hub's order, each line the model's JSON as the hub sent it.
   *
   * <p>Ask for the fields you will need later with {@link ModelQuery.Builder#expand}: a snapshot holds what the
   * listing returned, no more. {@code downloadsAllTime} and {@code createdAt} are what windows over time need.
   *
   * @param query the listing; its {@link ModelQuery#limit()} caps the models written, its cursor (if any) is where
   *     a fresh crawl starts
   * @param out the snapshot file to write ({@code .jsonl.gz} by convention); its directory is created if needed
   * @param options resume, overwrite, progress listener
   * @return what was written
   * @throws CrawlStateException if {@code out} exists and overwrite was not asked for; if an interrupted crawl's
   *     pages lie beside {@code out} and resume was not asked for; if that state belongs to another query
   * @throws IllegalStateException if another crawl is writing {@code out}
   * @throws io.hubshare.error.HubException if the hub fails after the client's retries: the pages so far are kept,
   *     and the crawl continues from the last complete page when run again with resume; if the first page failed,
   *     nothing is kept and the same call simply starts again
   * @throws UncheckedIOException if a file cannot be read or written, or the saved state is damaged (its cause is
   *     then a {@link SnapshotFormatException})
   */
  public CrawlResult crawl(ModelQuery query, Path out, CrawlOptions options) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(options, "options");
    if (out.getFileName() == null) throw new IllegalArgumentException("out must name a file: " + out);
    try {
      return new Crawl(models, hub, endpoint, query, out, options).run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Crawls the whole listing of {@code query} into {@code out} even where the hub serves only the first results of
   * a query (ModelScope: 3,000), with {@link CrawlOptions#defaults()}. See
   * {@link #crawlPartitioned(ModelQuery, Path, CrawlOptions)}.
   */
  public CrawlResult crawlPartitioned(ModelQuery query, Path out) {
    return crawlPartitioned(query, out, CrawlOptions.defaults());
  }

  /**
   * Crawls the whole listing of {@code query} into the snapshot file {@code out}, cutting it into parts until the
   * hub serves each part whole: a hub that serves only the first results of a query (ModelScope: 3,000, whatever
   * the page) cannot be read in one listing. A part whose listing ends before the total the hub reports is listed
   * again in its other sort orders, then cut by task, licence, library and owner, each by the values its own
   * models show, until every part is served whole or no cut is left. Models are written once, whichever parts
   * served them.
   *
   * <p>What could not be reached is never dropped silently: {@link CrawlResult#coverage()} (and
   * {@code out.coverage.json} beside the snapshot) lists every part with its total and how many of its models were
   * reached, marks the parts still capped and the splits that left models in none of their parts, and the
   * snapshot's header note sums it up. Like {@link #crawl}, the crawl checkpoints after every page
   * ({@code out.partial}, {@code out.parts}, {@code out.checkpoint}) and resumes after a kill with
   * {@link CrawlOptions.Builder#resume(boolean)}.
   *
   * <pre>{@code
   * try (HubClient ms = HubClient.create(Hub.MODELSCOPE)) {
   *   CrawlResult r = ms.snapshots().crawlPartitioned(ModelQuery.builder().pageSize(50).build(),
   *       Path.of("modelscope-2026-12-01.jsonl.gz"), CrawlOptions.builder().resume(true).build());
   *   System.out.println(r.coverage().summary());   // 98,765 of 99,012 listed models (99.8 %) in 412 parts; ...
   * }
   * }</pre>
   *
   * @param query the whole listing: its filters bound every part, its sort is the first order each part is listed
   *     in, its page size every page's; it must have no limit and no cursor
   * @throws IllegalArgumentException if the query has a limit or a cursor, or the hub cannot list what it asks
   * @throws IllegalStateException as for {@link #crawl(ModelQuery, Path, CrawlOptions)}
   * @throws io.hubshare.error.HubException if the hub fails after the client's retries: the state is kept, and the
   *     crawl continues from the last complete page when run again with resume
   * @throws UncheckedIOException if a file cannot be read or written, or the saved state is damaged
   */
  public CrawlResult crawlPartitioned(ModelQuery query, Path out, CrawlOptions options) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(options, "options");
    if (out.getFileName() == null) throw new IllegalArgumentException("out must name a file: " + out);
    try {
      return new PartitionedCrawl(models, hub, endpoint, query, out, options).run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Opens a snapshot file, reading only its header (or a Parquet file's footer); models are read when streamed. The
   * format is told by the content, not the name ({@link Snapshot#format()}):
   * <ul>
   *   <li>a hubshare snapshot: gzip JSON Lines behind a header line;
   *   <li>the list API's model objects one per line without a header, gzip or plain text, as other tools dump the
   *       listing: its time is the date in its path ({@code 2025-08-25/models.jsonl}, {@code hub-2025-08-25.jsonl.gz})
   *       or unknown, see {@link #open(Path, Instant)};
   *   <li>a Parquet file with the list API's field names as columns, such as the Hub's public daily and weekly
   *       {@code models.parquet}: read with the optional artifact {@code io.hubshare:hubshare-sql}, only the columns
   *       a computation needs ({@link Snapshot#stream(java.util.Collection)}). Its time is the one hubshare wrote in
   *       its metadata, else the date in its path ({@code models/2025-08-25/models.parquet}, {@code date=2025-08-25}),
   *       else unknown.
   * </ul>
   *
   * @throws SnapshotFormatException if the file is not a snapshot this version reads (the message names the line),
   *     or is Parquet and {@code io.hubshare:hubshare-sql} is not on the path (the message says so)
   * @throws IOException if it cannot be read
   */
  public static Snapshot open(Path file) throws IOException {
    return Snapshot.open(file, null, null);
  }

  /**
   * Opens a snapshot file whose time its content does not state ({@link SnapshotFormat#JSON_LINES}, Parquet without
   * hubshare metadata), giving it: {@code at} becomes its header's {@code startedAt}, over any date in its path.
   * A file that states its own time (a hubshare header or metadata) keeps it.
   *
   * @param at when the listing was read, or {@code null} to leave it to the path (or unknown)
   * @throws IllegalArgumentException if the file states another time than {@code at}
   * @see #open(Path)
   */
  public static Snapshot open(Path file, @Nullable Instant at) throws IOException {
    return Snapshot.open(file, at, null);
  }

  /**
   * The snapshot files of a directory, as a time series: every regular file below it (folders included, such as the
   * weekly archive's {@code models/2025-08-25/models.parquet} or an export's {@code hub=…/date=…/models.parquet})
   * that opens as a snapshot with a known time, oldest first. Files that are not snapshots (a README, a checksum)
   * are skipped; so are names starting with {@code .} or {@code _}, as Hive-style readers skip them.
   *
   * @return the files, oldest first
   * @throws IllegalArgumentException if two files hold the same hub at the same time (the weekly archive's label
   *     repeated, a file copied twice), or none is found
   * @throws IOException if the directory cannot be listed
   */
  public static List<Path> series(Path directory) throws IOException {
    return SnapshotDirectory.series(directory);
  }

  /**
   * Writes a snapshot from a JSON Lines file of models (gzip or plain text) that some other tool made, such as a
   * dump of the hub's listing. Each non-blank line is copied verbatim as a model line; it must be a JSON object with
   * an {@code id} string, and no id may repeat exactly (ids that differ only in case are kept: a curated file may
   * hold one repository read under two casings of its name). The header is {@code header} with the number of lines
   * as its count. The file appears atomically, complete or not at all.
   *
   * <pre>{@code
   * Snapshots.importLines(Path.of("models.jsonl.gz"), Path.of("hub-2026-08.jsonl.gz"),
   *     SnapshotHeader.describing("huggingface", "https://huggingface.co", start, end,
   *         "Listing dumped with huggingface_hub", null), false);
   * }</pre>
   *
   * @return the header written
   * @throws SnapshotFormatException naming the source line that is not a model object, or repeats an id
   * @throws IllegalStateException if {@code out} exists and {@code overwrite} is false
   */
  public static SnapshotHeader importLines(Path source, Path out, SnapshotHeader header, boolean overwrite)
      throws IOException {
    return LineImport.run(source, out, header, overwrite);
  }

  @Override
  public String toString() {
    return "Snapshots[" + hub + " " + endpoint + "]";
  }
}
