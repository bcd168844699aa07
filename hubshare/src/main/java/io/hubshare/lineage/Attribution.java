package io.hubshare.lineage;

/**
 * Whose model a derivative counts as, in every computation over origins and shares.
 *
 * <ul>
 *   <li>{@link #UPLOADER}: the account that owns the repository (the study's {@code org_country}).
 *   <li>{@link #ROOT}: the developer of the lineage root, walking base-model links to the end.
 *   <li>{@link #PARENT}: the developer of the immediate base model (the study's {@code derived_org_country}).
 * </ul>
 * An original model is its own root and its own parent: the three agree on it.
 */
public enum Attribution {
  UPLOADER,
  ROOT,
  PARENT;

  /** Reads {@code uploader}, {@code root}, {@code parent}, case-insensitively. */
  public static Attribution parse(String name) {
    for (Attribution a : values()) {
      if (a.name().equalsIgnoreCase(name.trim())) return a;
    }
    throw new IllegalArgumentException("unknown attribution '" + name + "'; expected uploader, root or parent");
  }
}
