package io.hubshare.cli;

import org.jspecify.annotations.Nullable;

/**
 * A failure the command line explains in one line, with the exit code it deserves. Thrown where the command knows
 * better than the library what went wrong for the user ({@code model 'x/y' not found} rather than the hub's words).
 */
final class CliFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CliFailure(String message, int exitCode, @Nullable Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  CliFailure(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  /** A failure of the hub, the network or a file: exit code 1; {@code cause} shows under {@code --debug}. */
  static CliFailure io(String message, @Nullable Throwable cause) {
    return new CliFailure(message, ExitCodes.FAILURE, cause);
  }

  /** The user asked for something that cannot be done as asked: exit code 2. */
  static CliFailure usage(String message) {
    return new CliFailure(message, ExitCodes.USAGE);
  }

  int exitCode() {
    return exitCode;
  }
}
