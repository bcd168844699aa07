package io.hubshare.origin;

/** What kind of developer stands behind an account. */
public enum DeveloperKind {
  /** A company. */
  INDUSTRY,
  /** A university or academic research institute. */
  ACADEMIA,
  /** A non-profit, open-science collective or community organisation. */
  NON_PROFIT,
  /** A government body or state-funded national lab. */
  GOVERNMENT,
  /** A person publishing on their own account. */
  INDIVIDUAL,
  /** Not in the registry: never guessed. */
  UNKNOWN
}
