package no.instanceplatform.app.instances;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import no.instanceplatform.app.apps.AppMetadataService;
import no.instanceplatform.app.apps.AppRegistry;
import no.instanceplatform.app.apps.HostedApp;
import no.instanceplatform.app.common.AppRuleException;
import no.instanceplatform.app.process.ProcessEngine;
import no.instanceplatform.app.process.ProcessTransition;
import no.instanceplatform.app.storageclient.InstanceClient;
import no.instanceplatform.app.storageclient.InstanceRef;
import no.instanceplatform.app.storageclient.SideCalls;
import no.instanceplatform.app.storageclient.StorageUnavailableException;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceOwner;
import no.instanceplatform.model.ProcessStateUpdate;
import no.instanceplatform.security.CallerAuthentication;
import org.springframework.stereotype.Service;

/**
 * Creates instances as Altinn's app-lib does: the owner looked up in the register and checked against the app's
 * party types, every posted part checked before anything is stored, then the instance created in Storage, its
 * process started at the first task and its first data stored, side by side. Storage holds no transaction across
 * these calls, so if a step after the creation fails, the instance is hard-deleted before the error is answered, or,
 * when Storage cannot be reached, in the background as soon as it answers again: no orphans.
 */
@Service
class InstantiationService {

  private final AppRegistry registry;
  private final AppMetadataService metadata;
  private final InstanceOwners owners;
  private final InstanceClient instances;
  private final InitialData initialData;
  private final ProcessEngine engine;
  private final AbandonedInstances abandoned;

  InstantiationService(AppRegistry registry, AppMetadataService metadata, InstanceOwners owners,
      InstanceClient instances, InitialData initialData, ProcessEngine engine, AbandonedInstances abandoned) {
    this.registry = registry;
    this.metadata = metadata;
    this.owners = owners;
    this.instances = instances;
    this.initialData = initialData;
    this.engine = engine;
    this.abandoned = abandoned;
  }

  /** One of seed 001's three forms: a JSON template, a multipart body, or no body with the owner in the query. */
  Instance create(CallerAuthentication auth, String org, String app, InstantiationTemplate template,
      Long queryPartyId, List<DataPart> parts) {
    HostedApp hosted = registry.require(org, app);
    Application application = metadata.application(org, app);
    initialData.validate(application, parts);
    InstanceOwner owner = owners.resolve(application, template, queryPartyId, auth.tokenValue());
    return createAndStart(auth, hosted, application, owner, template, parts, null);
  }

  /** The simplified form: prefill values for the auto-created form data, or a copy of an archived instance. */
  Instance createSimplified(CallerAuthentication auth, String org, String app, InstantiationTemplate template) {
    HostedApp hosted = registry.require(org, app);
    Application application = metadata.application(org, app);
    InstanceOwner owner = owners.resolve(application, template, null, auth.tokenValue());
    Instance source = template.sourceInstanceId() == null ? null
        : copySource(application, owner, template.sourceInstanceId(), auth.tokenValue());
    return createAndStart(auth, hosted, application, owner, template, List.of(), source);
  }

  private Instance createAndStart(CallerAuthentication auth, HostedApp hosted, Application application,
      InstanceOwner owner, InstantiationTemplate template, List<DataPart> parts, Instance copySource) {
    String token = auth.tokenValue();
    Instance instance = new Instance(null, owner, application.id(), null, null, template.dueBefore(),
        template.visibleAfter(), null, null, null, null, null, null, null, null, null, null);
    String idempotencyKey = UUID.randomUUID().toString();
    Instance created;
    try {
      created = instances.create(application.id(), instance, token, idempotencyKey);
    } catch (StorageUnavailableException e) {
      throw e.neverSent() ? e : abandoned.removeUnanswered(application.id(), instance, idempotencyKey, token, e);
    }
    InstanceRef ref = InstanceRef.parse(created.id());
    try {
      ProcessTransition start = hosted.process() == null ? null : engine.start(hosted.process(),
          auth.caller().asPlatformUser(), created.id(), Long.toString(ref.partyId()));
      // The process start and the first data are separate writes to the new instance that do not depend on each
      // other. Storage applies concurrent writes to an instance one after the other, so they go side by side: a
      // create waits for one round trip to Storage less.
      CompletableFuture<Instance> processWrite = start == null ? CompletableFuture.completedFuture(null)
          : SideCalls.start("process-start-write", () -> instances.updateProcess(ref,
              new ProcessStateUpdate(start.newState(), start.events()), token));
      try {
        storeInitialData(application, ref, start, template, parts, copySource, token);
      } catch (IOException | RuntimeException e) {
        // Removed only once its last write is done, so that the removal is the instance's last change.
        processWrite.exceptionally(ignored -> null).join();
        throw e;
      }
      SideCalls.join(processWrite);
      return instances.get(ref, token);
    } catch (IOException e) {
      throw abandoned.remove(ref, token, new UncheckedIOException(e));
    } catch (RuntimeException e) {
      throw abandoned.remove(ref, token, e);
    }
  }

  private void storeInitialData(Application application, InstanceRef ref, ProcessTransition start,
      InstantiationTemplate template, List<DataPart> parts, Instance copySource, String token) throws IOException {
    initialData.storeParts(application, ref, parts, token);
    if (start != null) {
      String firstTask = start.newState().currentTask().elementId();
      // The instance is new: what it holds is what this request stored, so there is nothing to read back.
      Set<String> present = new HashSet<>(parts.stream().map(DataPart::name).toList());
      if (copySource != null) {
        present.addAll(initialData.copy(application, copySource, ref, firstTask, token));
      }
      initialData.autoCreate(application, ref, firstTask, present, template.prefill(), token);
    }
  }

  /** The archived instance to copy, checked as app-lib checks it. */
  private Instance copySource(Application app, InstanceOwner owner, String sourceInstanceId, String token) {
    if (app.copyInstanceSettings() == null || !app.copyInstanceSettings().enabled()) {
      throw AppRuleException.invalid(
          "Creating instance based on a copy from an archived instance is not enabled for this app.");
    }
    InstanceRef ref;
    try {
      ref = InstanceRef.parse(sourceInstanceId);
    } catch (IllegalArgumentException e) {
      throw AppRuleException.invalid("'sourceInstanceId' must be '{partyId}/{instanceGuid}', not '"
          + sourceInstanceId + "'.");
    }
    Instance source = instances.get(ref, token);
    if (!app.id().equals(source.appId())) {
      throw AppRuleException.invalid("It is not possible to copy an instance of another app.");
    }
    if (!source.statusOrInitial().isArchived()) {
      throw AppRuleException.invalid("It is not possible to copy an instance that isn't archived.");
    }
    if (!owner.partyId().equals(source.instanceOwner().partyId())) {
      throw AppRuleException.invalid("It is not possible to copy instances between instance owners.");
    }
    return source;
  }
}
