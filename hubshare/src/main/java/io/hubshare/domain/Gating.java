package io.hubshare.domain;


/** Whether a model's files are gated behind an access request. The Hub sends {@code false}, "auto" or "manual". */
public enum Gating {
  /** Not gated ({@code "gated": false}). */
  OPEN,
  /** Access requests are approved automatically. */
  AUTO,
  /** Access requests are reviewed by the owner. */
  MANUAL;
}
