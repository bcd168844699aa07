/** The domain: records for models, their lineage links, download metrics and accounts. No I/O here. */
@NullMarked
package io.hubshare.domain;

import org.jspecify.annotations.NullMarked;
