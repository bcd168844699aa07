package io.hubshare.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * How far a long task has got, on stderr: a live bar when a person watches a terminal, nothing but a closing
 * one-line summary when stderr goes to a file or a pipe (a bar would fill a log with carriage returns).
 */
abstract class Progress implements AutoCloseable {

  /** The progress of {@code task}, counted in {@code unit}: a bar on a terminal, else quiet. */
  static Progress of(CliContext context, PrintWriter err, String task, String unit) {
    return context.interactive() ? new Bar(System.err, task, unit) : new Quiet(err);
  }

  /**
   * Reports {@code done} units out of {@code max} ({@code null} when the total is not known).
   *
   * @param detail a short note shown beside the bar, such as the pages fetched; {@code null} for none
   */
  abstract void update(long done, @Nullable Long max, @Nullable String detail);

  /** Ends the task: the bar stops, and {@code summary} is printed on its own line. */
  abstract void finish(String summary);

  /** Stops the bar if the task failed before {@link #finish}; prints nothing more. */
  @Override
  public abstract void close();

  /** A me.tongfei progress bar, built at the first update, when the total is known or known to be unknown. */
  static final class Bar extends Progress {
    private final PrintStream stream;
    private final String task;
    private final String unit;
    private @Nullable ProgressBar bar;

    Bar(PrintStream stream, String task, String unit) {
      this.stream = stream;
      this.task = task;
      this.unit = unit;
    }

    @Override
    void update(long done, @Nullable Long max, @Nullable String detail) {
      if (bar == null) {
        bar = new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(max == null ? -1 : max) // -1: an indefinite bar that shows the count
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit(" " + unit, 1)
            .setUpdateIntervalMillis(200)
            .startsFrom(0, Duration.ZERO)
            .setConsumer(new ConsoleProgressBarConsumer(stream))
            .showSpeed()
            .build();
      } else if (max != null && bar.getMax() != max) {
        bar.maxHint(max);
      }
      bar.stepTo(done);
      if (detail != null) bar.setExtraMessage(" | " + detail);
    }

    @Override
    void finish(String summary) {
      close();
      stream.println(summary);
      stream.flush();
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }

  /** No bar: only the closing summary, so that logs stay readable. */
  static final class Quiet extends Progress {
    private final PrintWriter err;

    Quiet(PrintWriter err) {
      this.err = err;
    }

    @Override
    void update(long done, @Nullable Long max, @Nullable String detail) {
      // Nothing: stderr is a file or a pipe.
    }

    @Override
    void finish(String summary) {
      err.println(summary);
      err.flush();
    }

    @Override
    public void close() {
      // Nothing was started.
    }
  }
}
