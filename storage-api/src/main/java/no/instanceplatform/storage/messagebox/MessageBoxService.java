package no.instanceplatform.storage.messagebox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceStatus;
import no.instanceplatform.model.MessageBoxInstance;
import no.instanceplatform.security.Caller;
import no.instanceplatform.storage.applications.AppId;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.common.DateTimes;
import no.instanceplatform.storage.common.StorageException;
import no.instanceplatform.storage.events.EventFilter;
import no.instanceplatform.storage.events.InstanceEventService;
import no.instanceplatform.storage.instances.DateRange;
import no.instanceplatform.storage.instances.IfMatch;
import no.instanceplatform.storage.instances.InstanceChange;
import no.instanceplatform.storage.instances.InstanceEvents;
import no.instanceplatform.storage.instances.InstanceMemory;
import no.instanceplatform.storage.instances.InstanceQuery;
import no.instanceplatform.storage.instances.InstanceService;
import no.instanceplatform.storage.instances.InstanceStore;
import no.instanceplatform.storage.instances.InstanceUpdater;
import no.instanceplatform.storage.security.AccessPolicy;
import no.instanceplatform.storage.security.InstanceAction;
import org.springframework.stereotype.Service;

/**
 * Altinn II's message box (SBL): a user's instances in three boxes (active, archived, recycle bin), searches over
 * the parties the user represents, deletion and restoring. Users see only instances that are visible and not
 * hard-deleted; listings are for users who may represent every party they name.
 */
@Service
class MessageBoxService {

  private final InstanceUpdater updater;
  private final InstanceService instances;
  private final InstanceStore store;
  private final InstanceMemory memory;
  private final InstanceEventService events;
  private final ApplicationStore applications;
  private final AccessPolicy policy;
  private final MessageBoxMapper mapper;
  private final Clock clock;

  MessageBoxService(InstanceUpdater updater, InstanceService instances, InstanceStore store, InstanceMemory memory,
      InstanceEventService events, ApplicationStore applications, AccessPolicy policy, MessageBoxMapper mapper,
      Clock clock) {
    this.updater = updater;
    this.instances = instances;
    this.store = store;
    this.memory = memory;
    this.events = events;
    this.applications = applications;
    this.policy = policy;
    this.mapper = mapper;
    this.clock = clock;
  }

  MessageBoxInstance get(Caller caller, String partyId, String instanceGuid, String language) {
    MessageBoxLanguage lang = MessageBoxLanguage.parse(language);
    Instance instance = updater.read(caller, InstanceAction.READ, partyId, instanceGuid);
    return mapper.view(caller, lang).map(instance);
  }

  /** The party's instances in one box, newest change first (at most {@value MessageBoxListing#MOST}). */
  List<MessageBoxInstance> list(Caller caller, String partyId, String state, String language) {
    MessageBoxLanguage lang = MessageBoxLanguage.parse(language);
    MessageBoxState box = MessageBoxState.parse(state);
    policy.requirePartyListing(caller, partyId);
    Criteria criteria = new Criteria(Set.of(partyId), Set.of(), EnumSet.of(box), null, null);
    return find(criteria, mapper.view(caller, lang));
  }

  /** Every box of one party, optionally of one app: Altinn's {@code GET search}. */
  List<MessageBoxInstance> search(Caller caller, String partyId, String appId, String language) {
    MessageBoxLanguage lang = MessageBoxLanguage.parse(language);
    if (partyId == null || partyId.isBlank()) {
      throw StorageException.invalid("The query parameter instanceOwner.partyId is required.");
    }
    String party = partyId(partyId.trim());
    Set<String> apps = apps(appId);
    policy.requirePartyListing(caller, party);
    Criteria criteria = new Criteria(Set.of(party), apps, EnumSet.allOf(MessageBoxState.class), null, null);
    return find(criteria, mapper.view(caller, lang));
  }

  /** Altinn's current message box search ({@code POST search}). */
  List<MessageBoxInstance> search(Caller caller, MessageBoxSearch search) {
    if (search == null) {
      throw StorageException.invalid("The request body must be a search: instanceOwnerPartyIdList, appId, "
          + "includeActive, includeArchived, includeDeleted, date bounds, searchString, language.");
    }
    MessageBoxLanguage lang = MessageBoxLanguage.parse(search.language());
    Criteria criteria = criteriaOf(search);
    criteria.partyIds().forEach(party -> policy.requirePartyListing(caller, party));
    MessageBoxMapper.View view = mapper.view(caller, lang);
    if (search.searchString() == null || search.searchString().isBlank()) {
      return find(criteria, view);
    }
    List<Application> titled = appsTitled(search.searchString().trim());
    Set<String> appIds = titled.stream().map(Application::id)
        .filter(id -> criteria.appIds().isEmpty() || criteria.appIds().contains(id))
        .collect(Collectors.toSet());
    if (appIds.isEmpty()) {
      return List.of();
    }
    view.knowing(titled);
    return find(criteria.withApps(appIds), view);
  }

  /** Soft or hard deletion, exactly as {@code DELETE /instances}; the message box is answered {@code true}. */
  boolean delete(Caller caller, String partyId, String instanceGuid, boolean hard) {
    instances.delete(caller, IfMatch.NONE, partyId, instanceGuid, hard);
    return true;
  }

  /**
   * Takes a soft-deleted instance out of the recycle bin. As in Altinn, an instance that is not deleted is left as
   * it is (and answered {@code true} as well), and a hard-deleted one cannot be restored.
   */
  boolean undelete(Caller caller, String partyId, String instanceGuid) {
    updater.update(caller, InstanceAction.WRITE, partyId, instanceGuid, current -> {
      InstanceStatus status = current.statusOrInitial();
      if (status.isHardDeleted()) {
        throw StorageException.notFound("Instance " + current.id()
            + " was permanently deleted and cannot be restored.");
      }
      if (!status.isSoftDeleted()) {
        return InstanceChange.none(current);
      }
      Instant now = clock.instant();
      Instance changed = current.withStatus(status.restored()).changedBy(now, caller.id());
      return new InstanceChange(changed, List.of(InstanceEvents.Undeleted.of(changed, caller, now)));
    });
    return true;
  }

  /** The events the message box shows, oldest first (see {@link MessageBoxEvents}). */
  List<MessageBoxEvent> events(Caller caller, String partyId, String instanceGuid) {
    return MessageBoxEvents.of(events.list(caller, partyId, instanceGuid,
        new EventFilter(MessageBoxEvents.TYPES, null, null)));
  }

  /**
   * What to find: parties, apps (any of them; none: any app), boxes (any of them), and date ranges; always visible
   * and not hard-deleted.
   */
  private record Criteria(Set<String> partyIds, Set<String> appIds, Set<MessageBoxState> boxes, DateRange lastChanged,
      DateRange created) {

    Criteria withApps(Set<String> apps) {
      return new Criteria(partyIds, apps, boxes, lastChanged, created);
    }
  }

  private Criteria criteriaOf(MessageBoxSearch search) {
    List<Integer> parties = search.instanceOwnerPartyIdList();
    if (parties == null || parties.isEmpty()) {
      throw StorageException.invalid("The instanceOwnerPartyIdList must name at least one party.");
    }
    Set<String> partyIds = new LinkedHashSet<>();
    for (Integer party : parties) {
      if (party == null || party <= 0) {
        throw StorageException.invalid("The instanceOwnerPartyIdList holds '" + party + "', which is not a party id.");
      }
      partyIds.add(party.toString());
    }
    Set<MessageBoxState> boxes = EnumSet.noneOf(MessageBoxState.class);
    if (Boolean.TRUE.equals(search.includeActive())) {
      boxes.add(MessageBoxState.ACTIVE);
    }
    if (Boolean.TRUE.equals(search.includeArchived())) {
      boxes.add(MessageBoxState.ARCHIVED);
    }
    if (Boolean.TRUE.equals(search.includeDeleted())) {
      boxes.add(MessageBoxState.DELETED);
    }
    if (boxes.isEmpty()) {
      // As Altinn: a search that includes no state is not narrowed by state.
      boxes = EnumSet.allOf(MessageBoxState.class);
    }
    return new Criteria(partyIds, apps(search.appId()), boxes,
        between(search.fromLastChanged(), "fromLastChanged", search.toLastChanged(), "toLastChanged"),
        between(search.fromCreated(), "fromCreated", search.toCreated(), "toCreated"));
  }

  /** The app a search names, if it names one. */
  private static Set<String> apps(String appId) {
    return appId == null || appId.isBlank() ? Set.of() : Set.of(AppId.parse(appId.trim()).toString());
  }

  /** Inclusive bounds, each when given. */
  private static DateRange between(String from, String fromName, String to, String toName) {
    List<DateRange.Bound> bounds = new ArrayList<>();
    if (from != null && !from.isBlank()) {
      bounds.add(new DateRange.Bound(DateRange.Operator.GTE, DateTimes.parseUtc(from, fromName)));
    }
    if (to != null && !to.isBlank()) {
      bounds.add(new DateRange.Bound(DateRange.Operator.LTE, DateTimes.parseUtc(to, toName)));
    }
    return bounds.isEmpty() ? null : new DateRange(bounds);
  }

  /** Apps whose title, in any language, contains the text (ignoring case), as Altinn matches them. */
  private List<Application> appsTitled(String text) {
    String wanted = text.toLowerCase(Locale.ROOT);
    Predicate<String> matches = title -> title != null && title.toLowerCase(Locale.ROOT).contains(wanted);
    return applications.findAll(null).stream()
        .filter(app -> app.title() != null && app.title().values().stream().anyMatch(matches))
        .toList();
  }

  /**
   * The newest instances matching the criteria, as the view maps them. The boxes do not
   * overlap, so boxes chosen together are read one by one and merged; all three together are simply every instance
   * that is not hard-deleted.
   */
  private List<MessageBoxInstance> find(Criteria criteria, MessageBoxMapper.View view) {
    Instant now = clock.instant();
    MessageBoxListing listing = new MessageBoxListing(store, memory, view);
    if (criteria.boxes().size() == MessageBoxState.values().length) {
      return listing.read(query(criteria, null, null, now)).newest();
    }
    for (MessageBoxState box : criteria.boxes()) {
      listing.read(query(criteria, box.isArchived, box.isSoftDeleted, now));
    }
    return listing.newest();
  }

  private static InstanceQuery query(Criteria c, Boolean isArchived, Boolean isSoftDeleted, Instant now) {
    return new InstanceQuery(null, c.appIds(), c.partyIds(), Set.of(), null, null, c.lastChanged(), c.created(),
        null, null, null, isArchived, isSoftDeleted, false, now, false);
  }

  private static String partyId(String text) {
    if (!text.matches("[1-9][0-9]{0,9}")) {
      throw StorageException.invalid("The instanceOwner.partyId '" + text + "' is not a party id.");
    }
    return text;
  }
}
