/** Lineage: base-model links walked to the root, families of variants, and the attribution policies. */
@NullMarked
package io.hubshare.lineage;

import org.jspecify.annotations.NullMarked;
