package io.hubshare.internal.transport;

import io.hubshare.error.BadRequestException;
import io.hubshare.error.GatedRepositoryException;
import io.hubshare.error.HubException;
import io.hubshare.error.MalformedResponseException;
import io.hubshare.error.OfflineException;
import io.hubshare.error.RateLimitedException;
import io.hubshare.error.RepositoryNotFoundException;
import io.hubshare.error.RevisionNotFoundException;
import io.hubshare.error.ServerErrorException;
import io.hubshare.error.TransportException;
import io.hubshare.error.UnauthorizedException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Keeps one client's token out of everything that leaves hubshare: exception messages, request ids, error codes,
 * URLs, the messages of every cause in the chain, and log lines. A hub (or a proxy, or a mirror) may echo the token
 * anywhere it likes: in {@code X-Request-Id}, {@code X-Error-Code}, a {@code Location}, a JSON error that a parser
 * quotes. Whatever the token's source (builder, system property, environment, token file), the client that holds it
 * scrubs with it at its exits, so nothing downstream has to know.
 *
 * <p>The token and its URL-encoded form are replaced by {@value #MASK}.
 */
public final class Redactor {
  /** What stands for the token. */
  public static final String MASK = "****";

  /** Scrubs nothing: for a client without a token. */
  public static final Redactor NONE = new Redactor(List.of());

  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    this.secrets = secrets;
  }

  /** A redactor of {@code token}, or {@link #NONE} when there is none. */
  public static Redactor of(@Nullable String token) {
    if (token == null || token.isEmpty()) return NONE;
    List<String> s = new ArrayList<>(List.of(token));
    String encoded = URLEncoder.encode(token, StandardCharsets.UTF_8);
    if (!encoded.equals(token)) s.add(encoded);
    return new Redactor(List.copyOf(s));
  }

  /** Whether {@code text} holds the token. */
  public boolean leaks(@Nullable String text) {
    if (text == null) return false;
    for (String s : secrets) {
      if (text.contains(s)) return true;
    }
    return false;
  }

  /** {@code text} with the token masked. */
  public String scrub(String text) {
    String t = text;
    for (String s : secrets) t = t.replace(s, MASK);
    return t;
  }

  /** As {@link #scrub(String)}, passing {@code null} through. */
  public @Nullable String scrubNullable(@Nullable String text) {
    return text == null ? null : scrub(text);
  }

  /**
   * The exception itself when neither it nor a cause mentions the token; otherwise a copy of the same class with
   * every string masked and the causes replaced by masked stand-ins (same class name, message masked, same stack).
   */
  public <E extends HubException> HubException scrub(E e) {
    if (secrets.isEmpty() || !chainLeaks(e)) return e;
    String message = scrub(String.valueOf(e.getMessage()));
    String requestId = scrubNullable(e.requestId());
    String url = scrubNullable(e.url());
    String code = scrubNullable(e.errorCode());
    Throwable cause = e.getCause() == null ? null
        : standIn(e.getCause(), Collections.newSetFromMap(new IdentityHashMap<>()));
    HubException copy = copy(e, message, code, requestId, url, cause);
    copy.setStackTrace(e.getStackTrace());
    return copy;
  }

  /** Any exception: a {@link HubException} as {@link #scrub(HubException)}, others when their chain leaks. */
  public RuntimeException scrubAny(RuntimeException e) {
    if (e instanceof HubException h) return scrub(h);
    if (secrets.isEmpty() || !chainLeaks(e)) return e;
    return (RuntimeException) standIn(e, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private boolean chainLeaks(Throwable e) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      if (leaks(t.getMessage()) || leaks(t.toString())) return true;
      if (t instanceof HubException h && (leaks(h.requestId()) || leaks(h.url()) || leaks(h.errorCode()))) {
        return true;
      }
    }
    return false;
  }

  private Throwable standIn(Throwable t, Set<Throwable> seen) {
    if (!seen.add(t)) return new Redacted(t.getClass().getName(), "(cycle)", null);
    if (t instanceof HubException h) return scrub(h);
    Throwable cause = t.getCause() == null ? null : standIn(t.getCause(), seen);
    Redacted r = new Redacted(t.getClass().getName(), scrubNullable(t.getMessage()), cause);
    r.setStackTrace(t.getStackTrace());
    return r;
  }

  private static HubException copy(HubException e, String message, @Nullable String code, @Nullable String requestId,
      @Nullable String url, @Nullable Throwable cause) {
    int status = e.statusCode();
    if (e instanceof RateLimitedException r) {
      // Neither of these two takes a cause: they never carry one.
      return new RateLimitedException(message, code, requestId, url, r.retryAfter());
    }
    if (e instanceof TransportException) return new TransportException(message, url, cause);
    if (e instanceof OfflineException) return new OfflineException(message, url);
    if (e instanceof RevisionNotFoundException) {
      return new RevisionNotFoundException(message, status, code, requestId, url, cause);
    }
    if (e instanceof RepositoryNotFoundException) {
      return new RepositoryNotFoundException(message, status, code, requestId, url, cause);
    }
    if (e instanceof GatedRepositoryException) {
      return new GatedRepositoryException(message, status, code, requestId, url, cause);
    }
    if (e instanceof UnauthorizedException) {
      return new UnauthorizedException(message, status, code, requestId, url, cause);
    }
    if (e instanceof BadRequestException) return new BadRequestException(message, status, code, requestId, url, cause);
    if (e instanceof ServerErrorException) {
      return new ServerErrorException(message, status, code, requestId, url, cause);
    }
    if (e instanceof MalformedResponseException) {
      return new MalformedResponseException(message, status, code, requestId, url, cause);
    }
    return new HubException(message, status, code, requestId, url, cause);
  }

  /** Never shows the token. */
  @Override
  public String toString() {
    return secrets.isEmpty() ? "Redactor[none]" : "Redactor[****]";
  }

  /**
   * A cause whose message held the token: the original class's name and stack, the message masked. Its
   * {@code toString()} reads like the original's.
   */
  static final class Redacted extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String className;

    Redacted(String className, @Nullable String message, @Nullable Throwable cause) {
      super(message, cause);
      this.className = className;
    }

    /** The class of the exception this stands in for. */
    String className() {
      return className;
    }

    @Override
    public String toString() {
      String m = getLocalizedMessage();
      return className + (m == null ? "" : ": " + m);
    }
  }
}
