package io.hubshare.hub;

/** Sort keys of a model listing, always descending. A hub that cannot sort by one refuses the query. */
public enum ModelSort {
  CREATED_AT("createdAt"),
  DOWNLOADS("downloads"),
  LAST_MODIFIED("lastModified"),
  LIKES("likes"),
  TRENDING_SCORE("trendingScore");

  private final String label;

  ModelSort(String label) {
    this.label = label;
  }

  /** The key as the command line and {@link #parse(String)} write it: {@code downloads}, {@code createdAt}… */
  public String label() {
    return label;
  }

  /** Reads {@code downloads}, {@code createdAt}, {@code created-at}, {@code CREATED_AT}… */
  public static ModelSort parse(String name) {
    String n = name.trim().replace("-", "").replace("_", "");
    for (ModelSort s : values()) {
      if (s.label.equalsIgnoreCase(n)) return s;
    }
    throw new IllegalArgumentException("unknown sort '" + name + "'; expected one of createdAt, downloads, "
        + "lastModified, likes, trendingScore");
  }
}
