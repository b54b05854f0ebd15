package no.instanceplatform.storage.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import no.instanceplatform.model.CompleteConfirmation;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceOwner;
import no.instanceplatform.model.InstanceStatus;
import no.instanceplatform.model.ProcessElementInfo;
import no.instanceplatform.model.ProcessState;
import no.instanceplatform.model.ReadStatus;

/** Instances with exactly the fields a query test needs, written straight to the store. */
final class QueryFixture {

  static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");

  private String party = "501337";
  private String appId = "ttd/test-app";
  private Instant lastChanged = T0;
  private Instant created = T0;
  private Instant visibleAfter = T0;
  private Instant dueBefore;
  private String task = "Task_1";
  private Instant ended;
  private boolean archived;
  private boolean softDeleted;
  private boolean hardDeleted;
  private String confirmedBy;

  static QueryFixture instance() {
    return new QueryFixture();
  }

  QueryFixture party(String value) {
    party = value;
    return this;
  }

  QueryFixture app(String value) {
    appId = value;
    return this;
  }

  QueryFixture lastChanged(Instant value) {
    lastChanged = value;
    return this;
  }

  QueryFixture created(Instant value) {
    created = value;
    return this;
  }

  QueryFixture visibleAfter(Instant value) {
    visibleAfter = value;
    return this;
  }

  QueryFixture dueBefore(Instant value) {
    dueBefore = value;
    return this;
  }

  QueryFixture task(String value) {
    task = value;
    return this;
  }

  QueryFixture ended(Instant value) {
    ended = value;
    task = null;
    archived = true;
    return this;
  }

  QueryFixture softDeleted() {
    softDeleted = true;
    return this;
  }

  QueryFixture hardDeleted() {
    softDeleted = true;
    hardDeleted = true;
    return this;
  }

  QueryFixture confirmedBy(String stakeholder) {
    confirmedBy = stakeholder;
    return this;
  }

  Instance build() {
    ProcessState process = new ProcessState(created, "StartEvent_1",
        task == null ? null : new ProcessElementInfo(2, created, task, task, "data", null, null), ended,
        ended == null ? null : "EndEvent_1");
    InstanceStatus status = new InstanceStatus(archived, archived ? ended : null, softDeleted,
        softDeleted ? lastChanged : null, hardDeleted, hardDeleted ? lastChanged : null, ReadStatus.Unread, null);
    return new Instance(party + "/" + UUID.randomUUID(), InstanceOwner.ofParty(party), appId,
        appId.substring(0, appId.indexOf('/')), null, dueBefore, visibleAfter, process, status,
        confirmedBy == null ? List.of() : List.of(new CompleteConfirmation(confirmedBy, lastChanged)), List.of(),
        null, null, created.truncatedTo(ChronoUnit.MILLIS), "1337", lastChanged.truncatedTo(ChronoUnit.MILLIS),
        "1337");
  }
}
