/** The unchecked exceptions hubshare raises, all rooted at {@link io.hubshare.error.HubException}. */
@NullMarked
package io.hubshare.error;

import org.jspecify.annotations.NullMarked;
