package no.instanceplatform.storage.localplatform;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local platform's users, parties and app owners, read from {@code localplatform/testdata.json} (the same file
 * the tests read).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LocalTestData(List<Org> orgs, List<Party> parties, List<User> users) {

  static final String RESOURCE = "/localplatform/testdata.json";

  /** An app owner. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Org(String org, String orgNumber, Map<String, String> name) {}

  /** A user who can log in, the party that is the user, and the other parties the user may represent. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record User(int userId, String userName, String partyId, String email, String phoneNumber, String language,
      List<String> represents) {}

  public static LocalTestData load() {
    try (InputStream in = LocalTestData.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The local platform's test data " + RESOURCE + " is missing");
      }
      return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build()
          .readValue(in, LocalTestData.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<User> user(int userId) {
    return users.stream().filter(u -> u.userId() == userId).findFirst();
  }

  public Optional<Party> party(String partyId) {
    return parties.stream().filter(p -> p.partyId().equals(partyId)).findFirst();
  }

  public Optional<Party> partyBySsn(String ssn) {
    return parties.stream().filter(p -> ssn.equals(p.ssn())).findFirst();
  }

  public Optional<Party> partyByOrgNumber(String orgNumber) {
    return parties.stream().filter(p -> orgNumber.equals(p.orgNumber())).findFirst();
  }

  public Optional<Org> org(String org) {
    return orgs.stream().filter(o -> o.org().equals(org)).findFirst();
  }

  /** The parties a user may act for: the user's own party first, then those the user represents. */
  public List<Party> partiesOf(int userId) {
    List<Party> result = new ArrayList<>();
    user(userId).ifPresent(user -> {
      party(user.partyId()).ifPresent(result::add);
      user.represents().forEach(id -> party(id).ifPresent(result::add));
    });
    return result;
  }
}
