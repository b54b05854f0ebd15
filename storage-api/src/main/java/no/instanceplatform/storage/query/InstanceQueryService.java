package no.instanceplatform.storage.query;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import no.instanceplatform.model.Instance;
import no.instanceplatform.security.Caller;
import no.instanceplatform.storage.applications.AppId;
import no.instanceplatform.storage.common.StorageException;
import no.instanceplatform.storage.instances.InstanceLinks;
import no.instanceplatform.storage.instances.InstancePage;
import no.instanceplatform.storage.instances.InstanceQuery;
import no.instanceplatform.storage.instances.InstanceStore;
import no.instanceplatform.storage.instances.Keyset;
import no.instanceplatform.storage.security.AccessPolicy;
import org.springframework.stereotype.Service;

/**
 * The instance query of app owners and end users. Who may see what is part of the database query itself (the
 * caller's org, or a party the user may represent, never hard-deleted or not yet visible instances for users), so
 * every page but the last is full and the total is exact.
 */
@Service
public class InstanceQueryService {

  private final InstanceStore store;
  private final AccessPolicy policy;
  private final PartyRegister register;
  private final ContinuationTokens tokens;
  private final InstanceLinks links;
  private final Clock clock;

  InstanceQueryService(InstanceStore store, AccessPolicy policy, PartyRegister register, ContinuationTokens tokens,
      InstanceLinks links, Clock clock) {
    this.store = store;
    this.policy = policy;
    this.register = register;
    this.tokens = tokens;
    this.links = links;
    this.clock = clock;
  }

  /** One page of a query, and the token of the next page (null on the last). */
  public record Page(List<Instance> instances, long totalHits, String nextToken) {}

  Page query(Caller caller, InstanceQueryRequest request) {
    if (request.partyId() != null && request.ownerIdentifier() != null) {
      throw StorageException.invalid("Give the owner either as instanceOwner.partyId or in the "
          + "X-Ai-InstanceOwnerIdentifier header, not both.");
    }
    ContinuationTokens.Position position = request.continuationToken() == null ? null
        : tokens.read(request.continuationToken(), request.fingerprint());
    InstanceQuery query = authorized(caller, request);
    if (query == null) {
      return new Page(List.of(), 0, null);
    }
    long totalHits = position != null ? position.totalHits() : store.count(query);
    InstancePage page = store.find(query, position == null ? null : position.after(), request.size());
    String next = page.more() ? tokens.issue(request.fingerprint(), Keyset.of(page.instances().getLast()), totalHits)
        : null;
    return new Page(page.instances().stream().map(links::withLinks).toList(), totalHits, next);
  }

  /** The query the caller may run, or null when it can match nothing the caller may see. */
  private InstanceQuery authorized(Caller caller, InstanceQueryRequest request) {
    String partyId = ownerPartyId(request);
    switch (caller) {
      case Caller.AppOwner owner -> {
        String org = orgOf(request);
        policy.requireOrgListing(owner, org);
        return query(request, org, partyId, request.isHardDeleted(), false);
      }
      case Caller.User user -> {
        if (partyId == null) {
          throw StorageException.invalid("An end user's query must name the owner: instanceOwner.partyId or the "
              + "X-Ai-InstanceOwnerIdentifier header.");
        }
        policy.requirePartyListing(user, partyId);
        if (Boolean.TRUE.equals(request.isHardDeleted())) {
          return null;
        }
        return query(request, request.org(), partyId, false, true);
      }
      case Caller.Anonymous anonymous -> throw StorageException.forbidden("Querying instances requires a caller.");
    }
  }

  private InstanceQuery query(InstanceQueryRequest r, String org, String partyId, Boolean isHardDeleted,
      boolean onlyVisible) {
    return new InstanceQuery(org, r.appId() == null ? Set.of() : Set.of(r.appId()),
        partyId == null ? Set.of() : Set.of(partyId), r.currentTasks(), r.isComplete(), r.ended(), r.lastChanged(),
        r.created(), r.visibleAfter(), r.dueBefore(), r.excludeConfirmedBy(), r.isArchived(), r.isSoftDeleted(),
        isHardDeleted, onlyVisible ? clock.instant() : null, r.ascending());
  }

  /** An app owner queries one org: given as {@code org}, or as the org of {@code appId}; both must agree. */
  private static String orgOf(InstanceQueryRequest request) {
    String appOrg = request.appId() == null ? null : AppId.parse(request.appId()).org();
    if (request.org() == null && appOrg == null) {
      throw StorageException.invalid("An app owner's query must name org or appId.");
    }
    if (request.org() != null && appOrg != null && !request.org().equals(appOrg)) {
      throw StorageException.invalid("The org '" + request.org() + "' is not the org of the appId '"
          + request.appId() + "'.");
    }
    return request.org() != null ? request.org() : appOrg;
  }

  private String ownerPartyId(InstanceQueryRequest request) {
    InstanceQueryRequest.OwnerIdentifier identifier = request.ownerIdentifier();
    if (identifier == null) {
      return request.partyId();
    }
    return (identifier.person() ? register.partyIdOfPerson(identifier.number())
        : register.partyIdOfOrganisation(identifier.number()))
        .orElseThrow(() -> StorageException.notFound("No party has the identifier in X-Ai-InstanceOwnerIdentifier."));
  }
}
