/**
 * Internal: HTTP to one hub. {@link io.hubshare.internal.transport.Transport} is what the services see; behind it
 * {@link io.hubshare.internal.transport.OkHttpTransport} sends GETs with the token (to the hub's own host only), follows
 * renames, retries, paces requests under the hub's rate limit, revalidates through the disk cache and maps failures
 * to {@link io.hubshare.error.HubException} subclasses. Not exported by the module.
 */
@NullMarked
package io.hubshare.internal.transport;

import org.jspecify.annotations.NullMarked;
