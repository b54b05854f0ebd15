package no.instanceplatform.storage.messagebox;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import no.instanceplatform.model.InstanceEvent;
import no.instanceplatform.model.PlatformUser;

/**
 * Which of an instance's events the message box shows, as Altinn chooses them: the types a user cares about; of
 * the events about data elements only the saves (a data element's creation counts as a save); and of several
 * saves in a row by the same user or org only the last.
 */
final class MessageBoxEvents {

  /** Altinn's list for the message box ({@code Submited} is Altinn's spelling). */
  static final Set<String> TYPES = Set.of("Created", "Deleted", "Saved", "Submited", "Undeleted", "SubstatusUpdated",
      "Signed", "SentToSign", "SentToPayment", "SentToSendIn", "SentToFormFill", "InstanceForwarded",
      "InstanceRightRevoked", "NotificationSentSms", "MessageArchived", "MessageRead");

  private static final String SAVED = "Saved";

  private MessageBoxEvents() {}

  /** The message box's view of events of {@link #TYPES}, given oldest first. */
  static List<MessageBoxEvent> of(List<InstanceEvent> oldestFirst) {
    List<InstanceEvent> shown = oldestFirst.stream()
        .map(MessageBoxEvents::dataCreationAsSave)
        .filter(e -> isBlank(e.dataId()) || SAVED.equalsIgnoreCase(e.eventType()))
        .toList();
    List<MessageBoxEvent> result = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      InstanceEvent current = shown.get(i);
      InstanceEvent next = i + 1 < shown.size() ? shown.get(i + 1) : null;
      boolean repeatedSave = next != null && SAVED.equals(current.eventType()) && SAVED.equals(next.eventType())
          && Objects.equals(subject(current.user()), subject(next.user()));
      if (!repeatedSave) {
        result.add(new MessageBoxEvent(current.id(), current.created(), current.eventType(), current.user()));
      }
    }
    return result;
  }

  private static InstanceEvent dataCreationAsSave(InstanceEvent e) {
    if (isBlank(e.dataId()) || !"Created".equals(e.eventType())) {
      return e;
    }
    return new InstanceEvent(e.id(), e.instanceId(), e.dataId(), SAVED, e.created(), e.instanceOwnerPartyId(),
        e.user(), e.processInfo());
  }

  /** Who did it: the user, or else the org. */
  private static String subject(PlatformUser user) {
    if (user == null) {
      return null;
    }
    return user.userId() != null ? user.userId().toString() : user.orgId();
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
