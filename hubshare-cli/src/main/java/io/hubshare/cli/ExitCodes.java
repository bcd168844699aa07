package io.hubshare.cli;

/** The exit codes of {@code hubshare}, as scripts see them. */
final class ExitCodes {
  /** Everything went well. */
  static final int OK = 0;
  /** The hub, the network or a file failed. */
  static final int FAILURE = 1;
  /** The command line was wrong: an unknown option, a bad value, an invalid id. */
  static final int USAGE = 2;

  private ExitCodes() {}
}
