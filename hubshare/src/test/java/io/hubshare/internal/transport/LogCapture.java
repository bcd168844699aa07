package io.hubshare.internal.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures what the transport logs. {@code System.Logger} is backed by {@code java.util.logging} unless an
 * application installs another backend, so a JUL handler sees every line, DEBUG included (JUL's FINE).
 */
final class LogCapture extends Handler implements AutoCloseable {
  private final Logger logger = Logger.getLogger("io.hubshare.transport"); // held: JUL keeps loggers weakly
  private final Level previous = logger.getLevel();
  private final SimpleFormatter formatter = new SimpleFormatter();
  private final List<String> lines = new ArrayList<>();

  LogCapture() {
    setLevel(Level.ALL);
    logger.setLevel(Level.ALL);
    logger.addHandler(this);
  }

  @Override
  public synchronized void publish(LogRecord record) {
    String message = formatter.formatMessage(record);
    lines.add(record.getLevel() + " " + message + (record.getThrown() == null ? "" : " " + record.getThrown()));
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setLevel(previous);
  }
}
