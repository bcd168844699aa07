/**
 * The Hugging Face Hub's wire format: its JSON bodies read into the domain records, and its {@code Link} header.
 * Internal: not exported by the module. Everything here is a pure function of the text it is given.
 *
 * <p>Parsing is streaming (one shared {@link com.fasterxml.jackson.core.JsonFactory}) so that snapshots of
 * millions of models parse fast, and each list item's {@code rawJson} is the exact slice of the page the hub sent.
 * Failures surface as {@link io.hubshare.internal.protocol.WireFormatException}, never as a Jackson exception.
 */
@NullMarked
package io.hubshare.internal.hf;

import io.hubshare.internal.protocol.WireFormatException;
import org.jspecify.annotations.NullMarked;
