/**
 * The client: {@link io.hubshare.HubClient} and the services it hands out ({@link io.hubshare.hub.Models},
 * {@link io.hubshare.hub.Accounts}), queries and pagination.
 */
@NullMarked
package io.hubshare;

import io.hubshare.hub.Accounts;
import io.hubshare.hub.Models;

import org.jspecify.annotations.NullMarked;
