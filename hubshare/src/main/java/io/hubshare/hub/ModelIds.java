package io.hubshare.hub;

import java.util.regex.Pattern;

/**
 * Repository ids in the Hub's alphabet: {@code owner/name}, each part 1 to 96 characters of letters, digits,
 * {@code -}, {@code _} and {@code .}, neither starting nor ending with {@code -} or {@code .}, and without
 * {@code --} or {@code ..}. A bare legacy name ({@code gpt2}, {@code bert-base-uncased}) is accepted too: the Hub
 * redirects it to its canonical {@code owner/name}.
 */
public final class ModelIds {
  private static final int MAX_PART = 96;
  private static final Pattern PART = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?");

  private ModelIds() {}

  /** Whether {@code id} is a repository id the Hub could hold. */
  public static boolean isValid(String id) {
    if (id == null || id.isEmpty()) return false;
    String[] parts = id.split("/", -1);
    if (parts.length > 2) return false;
    for (String p : parts) {
      if (!isValidPart(p)) return false;
    }
    return true;
  }

  /** Whether {@code name} is a valid account name or repository name (one part of an id). */
  public static boolean isValidPart(String name) {
    return name != null && !name.isEmpty() && name.length() <= MAX_PART
        && PART.matcher(name).matches() && !name.contains("--") && !name.contains("..");
  }

  /**
   * Returns {@code id} if valid.
   *
   * @throws IllegalArgumentException naming the id and what is wrong with it
   */
  public static String requireValid(String id) {
    if (id == null) throw new IllegalArgumentException("model id is null");
    if (!isValid(id)) {
      throw new IllegalArgumentException("not a valid repository id: '" + id + "' (expected owner/name: letters, "
          + "digits, '-', '_', '.', at most " + MAX_PART + " characters per part)");
    }
    return id;
  }

  /**
   * A revision is one path segment, encoded whole; {@code .} and {@code ..} would be read as path navigation and
   * are refused, like control characters.
   */
  public static String requireRevision(String revision) {
    if (revision == null || revision.isBlank()) throw new IllegalArgumentException("revision must not be blank");
    if (revision.equals(".") || revision.equals("..")) {
      throw new IllegalArgumentException("not a valid revision: '" + revision + "'");
    }
    for (int i = 0; i < revision.length(); i++) {
      if (Character.isISOControl(revision.charAt(i))) {
        throw new IllegalArgumentException("revision contains a control character at position " + i);
      }
    }
    return revision;
  }

  /**
   * Checks an account name: what {@link #isValidPart(String)} accepts.
   *
   * @throws IllegalArgumentException naming the name
   */
  public static String requireAccount(String name) {
    if (!isValidPart(name)) {
      throw new IllegalArgumentException("not a valid account name: '" + name + "' (letters, digits, '-', '_', '.', "
          + "at most 96 characters)");
    }
    return name;
  }
}
