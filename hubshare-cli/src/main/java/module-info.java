/**
 * The {@code hubshare} command line: picocli commands over the library's public API, charts (JFreeChart) and
 * progress bars. Nothing here is API.
 */
// "requires-automatic": JFreeChart ships as an automatic module (a name in its manifest, no module-info); that name is
// stable, and requiring it is the only way to use it from a module.
@SuppressWarnings("requires-automatic")
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
