/**
 * The client: {@link io.hubshare.HubClient} and the services it hands out ({@link io.hubshare.Models},
 * {@link io.hubshare.Accounts}), queries and pagination.
 */
@NullMarked
package io.hubshare;

import org.jspecify.annotations.NullMarked;
