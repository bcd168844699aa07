/**
 * The {@code hubshare} command line: shares, crawls, models, variants, lineage and origins from a terminal.
 *
 * <p>Internal: not exported. Its libraries (picocli, progressbar, JFreeChart) are optional dependencies of the
 * library, bundled only in {@code hubshare-cli.jar}.
 */
@NullMarked
package io.hubshare.cli;

import org.jspecify.annotations.NullMarked;
