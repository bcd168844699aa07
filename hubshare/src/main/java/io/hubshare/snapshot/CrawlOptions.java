package io.hubshare.snapshot;

import java.time.Clock;
import java.util.Objects;

/**
 * How {@link Snapshots#crawl(io.hubshare.hub.ModelQuery, java.nio.file.Path, CrawlOptions)} treats files already there,
 * and who hears its progress. Immutable.
 *
 * <pre>{@code
 * CrawlOptions resume = CrawlOptions.builder().resume(true).listener(progressBar::update).build();
 * }</pre>
 */
public final class CrawlOptions {
  private static final CrawlOptions DEFAULTS = new Builder().build();

  private final boolean resume;
  private final boolean overwrite;
  private final CrawlListener listener;
  private final Clock clock;

  private CrawlOptions(Builder b) {
    this.resume = b.resume;
    this.overwrite = b.overwrite;
    this.listener = b.listener;
    this.clock = b.clock;
  }

  /** A fresh crawl that refuses to touch existing files, reporting to no one. */
  public static CrawlOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    return new Builder().resume(resume).overwrite(overwrite).listener(listener).clock(clock);
  }

  /** Whether to continue the interrupted crawl whose state lies beside the output file. */
  public boolean resume() {
    return resume;
  }

  /** Whether a finished crawl may replace an existing output file. */
  public boolean overwrite() {
    return overwrite;
  }

  /** Who hears progress. */
  public CrawlListener listener() {
    return listener;
  }

  /** The clock that stamps {@code startedAt} and {@code completedAt}. */
  public Clock clock() {
    return clock;
  }

  @Override
  public String toString() {
    return "CrawlOptions[resume=" + resume + ", overwrite=" + overwrite + "]";
  }

  /** Builds {@link CrawlOptions}. */
  public static final class Builder {
    private boolean resume;
    private boolean overwrite;
    private CrawlListener listener = CrawlListener.NONE;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Continues the crawl interrupted earlier (killed, failed, out of quota) from its last checkpoint, with every
     * model exactly once. Without a saved state there is nothing to continue, and the crawl starts afresh. Default
     * {@code false}: a crawl refuses to start over a saved state, so none is lost by mistake.
     */
    public Builder resume(boolean resume) {
      this.resume = resume;
      return this;
    }

    /** Lets the finished crawl replace an existing output file (only once the new file is complete). */
    public Builder overwrite(boolean overwrite) {
      this.overwrite = overwrite;
      return this;
    }

    /** Hears progress after each page. */
    public Builder listener(CrawlListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The clock for the header's times; tests pass a fixed one. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The options. */
    public CrawlOptions build() {
      return new CrawlOptions(this);
    }
  }
}
