/** Origins: who made a model and where, from a curated registry in which every entry carries its source. */
@NullMarked
package io.hubshare.origin;

import org.jspecify.annotations.NullMarked;
