package io.hubshare;

/** Sort keys of the model list. The Hub always sorts descending. */
public enum ModelSort {
  CREATED_AT("createdAt"),
  DOWNLOADS("downloads"),
  LAST_MODIFIED("lastModified"),
  LIKES("likes"),
  TRENDING_SCORE("trendingScore");

  private final String wireName;

  ModelSort(String wireName) {
    this.wireName = wireName;
  }

  /** The value of the {@code sort} parameter. */
  public String wireName() {
    return wireName;
  }

  /** Reads {@code downloads}, {@code createdAt}, {@code created-at}, {@code CREATED_AT}… */
  public static ModelSort parse(String name) {
    String n = name.trim().replace("-", "").replace("_", "");
    for (ModelSort s : values()) {
      if (s.wireName.equalsIgnoreCase(n)) return s;
    }
    throw new IllegalArgumentException("unknown sort '" + name + "'; expected one of createdAt, downloads, "
        + "lastModified, likes, trendingScore");
  }
}
