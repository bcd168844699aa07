package io.hubshare.internal.hf;

import io.hubshare.internal.protocol.WireFormatException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.hubshare.domain.Account;
import io.hubshare.domain.AccountType;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the Hub's account overviews into {@link Account}s. The Hub keeps no country here: origins come from
 * {@code io.hubshare.origin}.
 *
 * <ul>
 *   <li>{@code GET /api/organizations/{name}/overview}: {@code name, fullname, avatarUrl, details, isVerified,
 *       numUsers, numModels, numSpaces, numDatasets, numFollowers, numPapers, plan};
 *   <li>{@code GET /api/users/{name}/overview}: {@code user, fullname, avatarUrl, isPro, numModels, numFollowers,
 *       orgs[], type}.
 * </ul>
 * Fields are read as tolerantly as models' (absent or of the wrong type: {@code null}); only the name is required.
 */
public final class HfAccounts {
  private HfAccounts() {}

  /**
   * Reads an organisation's overview. The name is {@code name}; {@code isVerified} becomes
   * {@link Account#verified()}.
   *
   * @param json the body of {@code GET /api/organizations/{name}/overview}; becomes {@link Account#rawJson()}
   * @return the account, of type {@link AccountType#ORGANIZATION}
   * @throws WireFormatException if the body is not a JSON object or has no name
   */
  public static Account parseOrganization(@Nullable String json) {
    return parse(json, AccountType.ORGANIZATION, "name");
  }

  /**
   * Reads a user's overview. The name is {@code user} (else {@code name}); users have no verified flag, so
   * {@link Account#verified()} is {@code null}.
   *
   * @param json the body of {@code GET /api/users/{name}/overview}; becomes {@link Account#rawJson()}
   * @return the account, of type {@link AccountType#USER}
   * @throws WireFormatException if the body is not a JSON object or has no name
   */
  public static Account parseUser(@Nullable String json) {
    return parse(json, AccountType.USER, "user");
  }

  private static Account parse(@Nullable String json, AccountType type, String nameField) {
    String what = type == AccountType.ORGANIZATION ? "organization overview" : "user overview";
    String body = HfJson.requireBody(json, "a JSON " + what);
    try (JsonParser p = HfJson.parser(body)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        throw new WireFormatException("expected a JSON " + what + " object, got " + HfJson.describe(t));
      }
      String primary = null;
      String secondary = null;
      String fullName = null;
      Boolean verified = null;
      Long numModels = null;
      Long numFollowers = null;
      for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
        p.nextToken();
        if (name.equals(nameField)) {
          primary = JsonValues.nonBlankString(p);
        } else if (name.equals("name")) {
          secondary = JsonValues.nonBlankString(p);
        } else if (name.equals("fullname")) {
          fullName = JsonValues.nonBlankString(p);
        } else if (name.equals("isVerified") && type == AccountType.ORGANIZATION) {
          verified = JsonValues.bool(p);
        } else if (name.equals("numModels")) {
          numModels = JsonValues.wholeNumber(p);
        } else if (name.equals("numFollowers")) {
          numFollowers = JsonValues.wholeNumber(p);
        } else {
          p.skipChildren();
        }
      }
      JsonToken after = p.nextToken();
      if (after != null) {
        throw new WireFormatException("unexpected content (" + HfJson.describe(after) + ") after the " + what
            + " at offset " + HfJson.tokenOffset(p));
      }
      String accountName = primary != null ? primary : secondary;
      if (accountName == null) {
        throw new WireFormatException(what + " without a name (field '" + nameField + "')");
      }
      return new Account(accountName, type, fullName, verified, numModels, numFollowers, body);
    } catch (IOException e) {
      throw HfJson.translate(e);
    }
  }
}
