/** Analytics: download shares by country, region, organisation, family… over any stream of models. */
@NullMarked
package io.hubshare.analytics;

import org.jspecify.annotations.NullMarked;
