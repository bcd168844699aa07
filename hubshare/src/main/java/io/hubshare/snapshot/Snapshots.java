package io.hubshare.snapshot;

import io.hubshare.hub.ModelQuery;
import io.hubshare.hub.Models;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Crawls a hub's model listing into a snapshot file, and opens snapshot files. The hub keeps no download history
 * (only the last 30 days and all time), so every other window needs two snapshots: see {@link SnapshotDelta}.
 *
 * {@snippet :
 * try (HubClient hub = HubClient.create()) {
 *   ModelQuery all = ModelQuery.builder()
 *       .expand("author", "createdAt", "downloads", "downloadsAllTime", "tags", "cardData", "safetensors")
 *       .pageSize(1000).build();
 *   CrawlResult r = hub.snapshots().crawl(all, Path.of("hub-2026-08-01.jsonl.gz"),
 *       CrawlOptions.builder().resume(true).build());   // resume: continues a crawl killed earlier, if any
 *   System.out.println(r.models() + " models");
 * }
 * }
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
   * @throws IllegalStateException if {@code out} exists and overwrite was not asked for; if an interrupted crawl's
   *     state lies beside {@code out} and resume was not asked for; if that state belongs to another query; if
   *     another crawl is writing it
   * @throws io.hubshare.error.HubException if the hub fails after the client's retries: the state is kept, and the
   *     crawl continues from the last complete page when run again with resume
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
   * Opens a snapshot file, reading only its header; models are read when streamed.
   *
   * @throws SnapshotFormatException if the file is not a snapshot this version reads (the message names the line)
   * @throws IOException if it cannot be read
   */
  public static Snapshot open(Path file) throws IOException {
    return Snapshot.open(file, null);
  }

  /**
   * Writes a snapshot from a JSON Lines file of models (gzip or plain text) that some other tool made, such as a
   * dump of the hub's listing. Each non-blank line is copied verbatim as a model line; it must be a JSON object with
   * an {@code id} string, and no id may repeat exactly (ids that differ only in case are kept: a curated file may
   * hold one repository read under two casings of its name). The header is {@code header} with the number of lines
   * as its count. The file appears atomically, complete or not at all.
   *
   * {@snippet :
   * Snapshots.importLines(Path.of("models.jsonl.gz"), Path.of("hub-2026-08.jsonl.gz"),
   *     SnapshotHeader.describing("huggingface", "https://huggingface.co", start, end,
   *         "Listing dumped with huggingface_hub", null), false);
   * }
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
