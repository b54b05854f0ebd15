package no.instanceplatform.storage.events;

import java.util.List;
import java.util.TreeSet;
import no.instanceplatform.model.InstanceEvent;
import no.instanceplatform.security.Caller;
import no.instanceplatform.storage.applications.AppId;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.common.StorageException;
import no.instanceplatform.storage.instances.Keyset;
import no.instanceplatform.storage.query.ContinuationTokens;
import no.instanceplatform.storage.security.AccessPolicy;
import org.springframework.stereotype.Service;

/**
 * The instance events of all instances of an app, for its owner, in pages oldest first. Events are listed once
 * delivered from their instance's outbox, normally at once, at the latest after the relay's next sweep.
 */
@Service
public class ApplicationEventsService {

  private final InstanceEventStore events;
  private final ApplicationStore applications;
  private final AccessPolicy policy;
  private final ContinuationTokens tokens;

  ApplicationEventsService(InstanceEventStore events, ApplicationStore applications, AccessPolicy policy,
      ContinuationTokens tokens) {
    this.events = events;
    this.applications = applications;
    this.policy = policy;
    this.tokens = tokens;
  }

  /** One page, and the token of the next (null on the last). */
  public record Page(List<InstanceEvent> events, long totalHits, String nextToken) {}

  public Page page(Caller caller, AppId appId, EventFilter filter, int size, String continuationToken) {
    policy.requireOrgListing(caller, appId.org());
    if (applications.find(appId).isEmpty()) {
      throw StorageException.notFound("Application " + appId + " was not found.");
    }
    String fingerprint = appId + "|" + new TreeSet<>(filter.eventTypes()) + "|" + filter.from() + "|" + filter.to();
    ContinuationTokens.Position position = continuationToken == null ? null
        : tokens.read(continuationToken, fingerprint);
    long totalHits = position != null ? position.totalHits() : events.countByApp(appId.toString(), filter);
    List<InstanceEvent> found = events.findByApp(appId.toString(), filter, position == null ? null
        : position.after(), size + 1);
    if (found.size() <= size) {
      return new Page(found, totalHits, null);
    }
    List<InstanceEvent> page = found.subList(0, size);
    InstanceEvent last = page.getLast();
    return new Page(page, totalHits, tokens.issue(fingerprint, new Keyset(last.created(), last.id()), totalHits));
  }
}
