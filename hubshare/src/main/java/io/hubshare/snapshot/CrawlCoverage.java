package io.hubshare.snapshot;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How complete a partitioned crawl is ({@link Snapshots#crawlPartitioned}): how many models the hub says the whole
 * listing holds, how many the snapshot holds, and every part the listing was cut into, with the parts the hub still
 * served only in part. Nothing is left out silently: a part the hub capped is listed with its total and how much of
 * it was reached.
 *
 * <p>Made by hubshare; the canonical constructor is not part of the compatible API, as it gains a parameter
 * whenever a figure is added.
 *
 * @param listed how many models the hub says the whole listing holds, or {@code null} when it does not say
 * @param collected the models written, each once
 * @param parts every part the crawl listed, in the order it listed them (the whole listing first)
 */
public record CrawlCoverage(@Nullable Long listed, long collected, List<Part> parts) {

  /** Made by hubshare: not part of the compatible API (see the class comment). */
  public CrawlCoverage {
    parts = List.copyOf(parts);
  }

  /** What became of a part. */
  public enum Status {
    /** Every model of the part was served. */
    COMPLETE,
    /** The hub capped the part, so it was cut into smaller parts (listed after it). */
    SPLIT,
    /** The hub capped the part and no way to cut it further was found: some of its models may be missing. */
    CAPPED
  }

  /**
   * One part of the listing.
   *
   * <p>Made by hubshare; the canonical constructor is not part of the compatible API, as it gains a parameter
   * whenever a figure is added.
   *
   * @param query the part's query, as hubshare names it ({@code author=Qwen&pipelineTag=text-generation}); empty for
   *     the whole listing
   * @param total how many models the hub says the part holds, or {@code null}
   * @param reached how many distinct models the part's pages served, over every sort order it was listed in
   * @param status what became of it
   * @param splitBy for a split part, what it was cut by ({@code pipelineTag}, {@code license}, {@code library},
   *     {@code author}); else {@code null}
   * @param children for a split part, how many parts it was cut into
   * @param unsplit for a split part, how many of its models lie in none of its parts at least (its total less the
   *     sum of its parts' totals, when positive): models whose value the crawl never saw; else 0
   */
  public record Part(String query, @Nullable Long total, long reached, Status status, @Nullable String splitBy,
      int children, long unsplit) {
    /** Made by hubshare: not part of the compatible API (see the record's comment). */
    public Part {
      Objects.requireNonNull(query, "query");
      Objects.requireNonNull(status, "status");
    }
  }

  /** The parts the hub still capped, whose models may be missing in part. */
  public List<Part> capped() {
    return parts.stream().filter(p -> p.status() == Status.CAPPED).toList();
  }

  /** The split parts some of whose models lie in none of their parts ({@link Part#unsplit()} above 0). */
  public List<Part> gaps() {
    return parts.stream().filter(p -> p.unsplit() > 0).toList();
  }

  /** Whether every model the hub listed was reached: no part capped, no gap, and as many models as listed. */
  public boolean complete() {
    return capped().isEmpty() && gaps().isEmpty() && (listed == null || collected >= listed);
  }

  /** {@code collected / listed}, or {@code null} when the hub did not say how many it lists. */
  public @Nullable Double ratio() {
    return listed == null || listed == 0 ? null : Math.min(1.0, (double) collected / listed);
  }

  /** {@code 8,912 of 9,000 listed models (99.0 %); 1 part still capped; 1 split with a gap}. */
  public String summary() {
    StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "%,d", collected));
    if (listed != null) {
      b.append(String.format(java.util.Locale.ROOT, " of %,d listed models (%.1f %%)", listed,
          100.0 * (ratio() == null ? 1.0 : ratio())));
    } else {
      b.append(" models");
    }
    b.append(" in ").append(parts.size()).append(parts.size() == 1 ? " part" : " parts");
    int capped = capped().size();
    int gaps = gaps().size();
    if (capped > 0) b.append("; ").append(capped).append(capped == 1 ? " part" : " parts").append(" still capped");
    if (gaps > 0) b.append("; ").append(gaps).append(gaps == 1 ? " split" : " splits").append(" with a gap");
    return b.toString();
  }
}
