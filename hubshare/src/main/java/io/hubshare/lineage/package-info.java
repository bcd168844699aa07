/**
 * Lineage: base-model links walked to the root, families of variants, and the attribution policies.
 *
 * <p>{@link io.hubshare.lineage.LineageIndex} holds a whole crawl's links compactly and answers roots and
 * attribution; {@link io.hubshare.lineage.LineageWalker} walks one model step by step over a
 * {@link io.hubshare.lineage.ModelIndex}, marking missing bases and cycles; {@link io.hubshare.lineage.Families}
 * groups models by root, separating a developer's own variants from community derivatives;
 * {@link io.hubshare.lineage.PrimaryParent} is the rule every walk follows through a merge.
 */
@NullMarked
package io.hubshare.lineage;

import org.jspecify.annotations.NullMarked;
