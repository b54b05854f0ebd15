package no.instanceplatform.storage.localplatform;

import java.util.Map;
import no.instanceplatform.storage.common.StorageException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Altinn Profile as LocalTest serves it: a user's profile with the user's own party. */
@RestController
@ConditionalOnBooleanProperty("storage.local-platform.enabled")
class ProfileController {

  private static final int SSN_IDENTIFIED_USER = 1;

  private final LocalTestData testData;

  ProfileController(LocalTestData testData) {
    this.testData = testData;
  }

  @GetMapping("/profile/api/v1/users/{userId}")
  UserProfile user(@PathVariable int userId) {
    LocalTestData.User user = testData.user(userId)
        .orElseThrow(() -> StorageException.notFound("There is no user " + userId + "."));
    Party party = testData.party(user.partyId())
        .orElseThrow(() -> new IllegalStateException("Test user " + userId + " has no party"));
    return new UserProfile(user.userId(), user.userName(), user.phoneNumber(), user.email(),
        Integer.parseInt(user.partyId()), party, SSN_IDENTIFIED_USER,
        Map.of("language", user.language(), "doNotPromptForParty", false));
  }

  /** A user profile as Altinn Profile answers it. */
  record UserProfile(int userId, String userName, String phoneNumber, String email, int partyId, Party party,
      int userType, Map<String, Object> profileSettingPreference) {}
}
