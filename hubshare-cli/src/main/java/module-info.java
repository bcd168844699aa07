/**
 * The {@code hubshare} command line: picocli commands over the library's public API, charts (JFreeChart) and
 * progress bars. Nothing here is API.
 */
module io.hubshare.cli {
  requires io.hubshare;
  requires io.hubshare.sql;
  requires java.sql;
  requires com.fasterxml.jackson.databind;
  requires info.picocli;
  requires me.tongfei.progressbar;
  requires org.jfree.jfreechart;
  requires java.desktop;
  requires java.logging;
  requires static org.jspecify;

  opens io.hubshare.cli to info.picocli;
}
