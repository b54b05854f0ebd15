package no.instanceplatform.storage.messagebox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import no.instanceplatform.model.PlatformUser;

/** An instance event as the message box shows it (Altinn's {@code SblInstanceEvent}; nulls are left out). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "createdDateTime", "eventType", "user"})
record MessageBoxEvent(String id, Instant createdDateTime, String eventType, PlatformUser user) {}
