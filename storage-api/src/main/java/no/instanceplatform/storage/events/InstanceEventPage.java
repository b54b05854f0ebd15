package no.instanceplatform.storage.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import no.instanceplatform.model.InstanceEvent;

/** A page of an app's instance events, shaped like a page of the instance query. */
@JsonPropertyOrder({"totalHits", "count", "self", "next", "instanceEvents"})
record InstanceEventPage(long totalHits, int count, String self, String next, List<InstanceEvent> instanceEvents) {}
