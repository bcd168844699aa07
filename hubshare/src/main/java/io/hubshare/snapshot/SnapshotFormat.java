package io.hubshare.snapshot;

/** The kinds of file {@link Snapshots#open} reads, told apart by their content, never by their name. */
public enum SnapshotFormat {
  /** hubshare's own: gzip JSON Lines behind a header line ({@link SnapshotHeader}). */
  HUBSHARE("hubshare snapshot"),
  /**
   * The list API's model objects, one per line, without a header, gzip or plain text: how other tools dump the
   * listing. Its time is unknown unless given.
   */
  JSON_LINES("JSON Lines without header"),
  /**
   * Apache Parquet with the list API's field names as columns, such as the Hub's public daily and weekly listing
   * files. Read by the optional artifact {@code io.hubshare:hubshare-sql}.
   */
  PARQUET("Parquet");

  private final String label;

  SnapshotFormat(String label) {
    this.label = label;
  }

  /** A short English name for messages and table headers. */
  public String label() {
    return label;
  }
}
