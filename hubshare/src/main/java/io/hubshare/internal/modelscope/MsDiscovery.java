package io.hubshare.internal.modelscope;

import io.hubshare.internal.protocol.Discovery;
import io.hubshare.internal.protocol.Endpoints;
import io.hubshare.internal.protocol.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * ModelScope's configuration, as modelscope_hub {@code config.py HubConfig} reads it: the endpoint from
 * {@code MODELSCOPE_ENDPOINT}, else the deprecated {@code MODELSCOPE_DOMAIN} (a bare host: {@code https://} is
 * put before it), else {@code https://modelscope.cn}; the token from {@code MODELSCOPE_API_TOKEN}, else the
 * credentials file the SDKs' {@code login} writes: {@code cookies} in {@code MODELSCOPE_CREDENTIALS_PATH}
 * (modelscope v1.37.1), else in {@code $MODELSCOPE_HOME/credentials}, else in {@code ~/.modelscope/credentials}.
 * That file is a Python pickle; {@link PickledCookies} reads the {@code m_session_id} cookie from it without
 * running it, and ignores it once expired. ModelScope's tools have no offline switch.
 */
final class MsDiscovery implements Discovery {
  private static final System.Logger LOG = System.getLogger(MsDiscovery.class.getName());
  private static final HttpUrl DEFAULT = Endpoints.parseEndpoint("https://modelscope.cn", "default");

  private final Clock clock;

  MsDiscovery(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Found<HttpUrl> endpoint(Environment env) {
    String url = env.variable("MODELSCOPE_ENDPOINT");
    if (url != null) return new Found<>(Endpoints.parseEndpoint(withScheme(url), "MODELSCOPE_ENDPOINT"),
        "MODELSCOPE_ENDPOINT");
    String domain = env.variable("MODELSCOPE_DOMAIN");
    if (domain != null) {
      String source = "MODELSCOPE_DOMAIN (deprecated: use MODELSCOPE_ENDPOINT)";
      return new Found<>(Endpoints.parseEndpoint(withScheme(domain), source), source);
    }
    return new Found<>(null, "default");
  }

  /** As the SDK: a value without a scheme is an https host. */
  private static String withScheme(String value) {
    String v = value.trim();
    return v.startsWith("http://") || v.startsWith("https://") ? v : "https://" + v;
  }

  @Override
  public HttpUrl defaultEndpoint() {
    return DEFAULT;
  }

  @Override
  public Found<String> token(Environment env) {
    String value = env.variable("MODELSCOPE_API_TOKEN");
    if (value != null) return new Found<>(value.trim(), "MODELSCOPE_API_TOKEN");
    Path file = credentialsFile(env);
    if (file == null) return new Found<>(null, "none");
    byte[] bytes = read(file);
    if (bytes == null) return new Found<>(null, "none");
    String token = PickledCookies.sessionToken(bytes, clock.instant());
    if (token == null) {
      LOG.log(Level.DEBUG, () -> "the credentials file " + file + " holds no unexpired m_session_id; no token");
      return new Found<>(null, "none (credentials file " + file + " holds no unexpired session)");
    }
    return new Found<>(token, "credentials file " + file);
  }

  @Override
  public boolean offline(Environment env) {
    return false;
  }

  @Override
  public String tokenVariable() {
    return MsErrors.TOKEN_VARIABLE;
  }

  /** The {@code cookies} file the SDKs write at login, or {@code null} when no home directory is known. */
  static @Nullable Path credentialsFile(Environment env) {
    try {
      String legacy = env.variable("MODELSCOPE_CREDENTIALS_PATH");
      if (legacy != null) return expandHome(legacy, env).resolve("cookies");
      String msHome = env.variable("MODELSCOPE_HOME");
      if (msHome != null) return expandHome(msHome, env).resolve("credentials").resolve("cookies");
      String home = env.home();
      return home == null ? null : Path.of(home, ".modelscope", "credentials", "cookies");
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("the credentials path is not a valid path: " + e.getMessage(), e);
    }
  }

  /** The file's bytes, or {@code null} if missing or larger than any cookie jar; the message names the file only. */
  private static byte @Nullable [] read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(PickledCookies.MAX_BYTES + 1);
      if (bytes.length > PickledCookies.MAX_BYTES) {
        LOG.log(Level.DEBUG, () -> "the credentials file " + file + " is too large for a cookie jar; ignored");
        return null;
      }
      return bytes;
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the credentials file " + file + ": " + e.getClass().getSimpleName(),
          e);
    }
  }

  private static Path expandHome(String path, Environment env) {
    String home = env.home();
    if (home != null && (path.equals("~") || path.startsWith("~/"))) return Path.of(home + path.substring(1));
    return Path.of(path);
  }
}
