package io.hubshare.analytics;

import java.util.Locale;

/**
 * What a {@link ShareTable} groups models by.
 *
 * <p>The origin dimensions ({@link #COUNTRY}, {@link #REGION}, {@link #ORGANIZATION}, {@link #ACCOUNT},
 * {@link #KIND}) and {@link #FAMILY} depend on the {@link io.hubshare.lineage.Attribution}: it decides which
 * account, and which model, a derivative is credited to. The other dimensions describe the model itself.
 */
public enum Dimension {
  /** The developer's country: key an ISO 3166-1 alpha-2 code ({@code CN}), label its English name. */
  COUNTRY,
  /** The developer's region ({@code China}, {@code United States}, {@code Europe}…): key and label the name. */
  REGION,
  /** The developer behind the account ({@code Alibaba} for {@code Qwen}). */
  ORGANIZATION,
  /** The hub account credited with the model. */
  ACCOUNT,
  /** The developer kind: industry, academia, non-profit, government, individual. */
  KIND,
  /**
   * The study's 14 groups of developers ({@link StudyGroups}): groups of countries, "International / Online" and
   * "User" (individual accounts); key and label the group's name.
   */
  STUDY_GROUP,
  /**
   * The credited model: the lineage root under {@code ROOT} (the usual meaning of a family), the immediate base
   * under {@code PARENT}, the model itself under {@code UPLOADER} (a top list of models).
   */
  FAMILY,
  /** How the model derives from its base: original, finetune, adapter, quantized, merge. */
  RELATION,
  /** The task, such as {@code text-generation}. */
  PIPELINE_TAG,
  /** The library, such as {@code transformers}. */
  LIBRARY,
  /** The parameter-size bucket: see {@link SizeBucket}. */
  SIZE,
  /** The licence id, such as {@code apache-2.0}. */
  LICENSE,
  /**
   * The hub the model is published on ({@code huggingface}, {@code modelscope}): each hub's share of a population
   * that spans hubs (see {@link Shares#computeAcrossHubs}).
   */
  HUB;

  /**
   * Whether the attribution changes the group a model falls in. {@code RELATION}, {@code PIPELINE_TAG},
   * {@code LIBRARY}, {@code SIZE}, {@code LICENSE} and {@code HUB} always describe the model itself.
   */
  public boolean isCredited() {
    return this == COUNTRY || this == REGION || this == ORGANIZATION || this == ACCOUNT || this == KIND
        || this == STUDY_GROUP || this == FAMILY;
  }

  /** Whether the group comes from the origin registry rather than from the model or its ids. */
  public boolean needsOrigins() {
    return this == COUNTRY || this == REGION || this == ORGANIZATION || this == KIND || this == STUDY_GROUP;
  }

  /** The lower-case name used on the command line and in exports: {@code country}, {@code pipeline-tag}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Reads a dimension name, case-insensitively, with {@code -} or {@code _}: {@code country},
   * {@code pipeline-tag}, {@code PIPELINE_TAG}.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Dimension parse(String name) {
    String n = name.trim().replace('-', '_');
    for (Dimension d : values()) {
      if (d.name().equalsIgnoreCase(n)) return d;
    }
    throw new IllegalArgumentException("unknown dimension '" + name + "'; expected one of " + Names.list(values()));
  }
}
