package no.instanceplatform.app.storageclient;

import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** The platform's Register and Profile: who an instance owner is, and the names shown for those who changed it. */
@Component
public class RegisterClient {

  private final StorageCalls calls;

  RegisterClient(StorageCalls calls) {
    this.calls = calls;
  }

  public RegisterParty party(long partyId, String token) {
    return get(calls.platform() + "/register/api/v1/parties/" + partyId, RegisterParty.class, token);
  }

  /** The person with this national identity number; Register answers 404 when there is none. */
  public RegisterParty person(String ssn, String token) {
    return lookup(Map.of("ssn", ssn), token);
  }

  /** The organisation with this organisation number; Register answers 404 when there is none. */
  public RegisterParty organisation(String orgNumber, String token) {
    return lookup(Map.of("orgNo", orgNumber), token);
  }

  /** The name of the user's own party, as Profile has it. */
  public String userName(int userId, String token) {
    record Profile(RegisterParty party) {}
    Profile profile = get(calls.platform() + "/profile/api/v1/users/" + userId, Profile.class, token);
    return profile.party() == null ? null : profile.party().name();
  }

  public String organisationName(String orgNumber, String token) {
    record Organisation(String name) {}
    return get(calls.platform() + "/register/api/v1/organizations/{orgNumber}", Organisation.class, token,
        orgNumber).name();
  }

  private RegisterParty lookup(Map<String, String> key, String token) {
    // A lookup changes nothing: it is a read sent as POST so that the identity number stays out of URLs and logs.
    return calls.read(() -> calls.http().post().uri(calls.platform() + "/register/api/v1/parties/lookup")
        .headers(headers -> StorageCalls.bearer(headers, token))
        .contentType(MediaType.APPLICATION_JSON).body(key)
        .retrieve().onStatus(HttpStatusCode::isError, calls.refusal())
        .body(RegisterParty.class));
  }

  private <T> T get(String url, Class<T> type, String token, Object... variables) {
    return calls.read(() -> calls.http().get().uri(url, variables)
        .headers(headers -> StorageCalls.bearer(headers, token))
        .retrieve().onStatus(HttpStatusCode::isError, calls.refusal())
        .body(type));
  }
}
