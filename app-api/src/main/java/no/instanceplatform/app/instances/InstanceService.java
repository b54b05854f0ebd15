package no.instanceplatform.app.instances;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.instanceplatform.app.apps.AppInstances;
import no.instanceplatform.app.apps.AppMetadataService;
import no.instanceplatform.app.common.AppRuleException;
import no.instanceplatform.app.storageclient.InstanceClient;
import no.instanceplatform.app.storageclient.InstanceJson;
import no.instanceplatform.app.storageclient.InstanceRef;
import no.instanceplatform.app.storageclient.RegisterClient;
import no.instanceplatform.app.storageclient.StorageProblemException;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.ReadStatus;
import no.instanceplatform.model.Substatus;
import no.instanceplatform.security.Caller;
import no.instanceplatform.security.CallerAuthentication;
import org.springframework.stereotype.Service;

/** An app's existing instances: read, list the active ones, and the changes Storage makes on the caller's behalf. */
@Service
class InstanceService {

  private final AppMetadataService metadata;
  private final InstanceClient instances;
  private final RegisterClient register;
  private final AppInstances appInstances;

  InstanceService(AppMetadataService metadata, InstanceClient instances, RegisterClient register,
      AppInstances appInstances) {
    this.metadata = metadata;
    this.appInstances = appInstances;
    this.instances = instances;
    this.register = register;
  }

  /**
   * The instance as Storage wrote it; an end user opening it marks it read, as app-lib does, and then gets Storage's
   * answer to that change.
   */
  InstanceJson get(CallerAuthentication auth, String org, String app, InstanceRef ref) {
    InstanceJson instance = appInstances.getJson(metadata.application(org, app), ref, auth.tokenValue());
    if (auth.caller() instanceof Caller.User && instance.readStatus() != ReadStatus.Read) {
      return instances.updateReadStatus(ref, ReadStatus.Read, auth.tokenValue());
    }
    return instance;
  }

  List<ActiveInstance> active(CallerAuthentication auth, String org, String app, long partyId) {
    Application application = metadata.application(org, app);
    Map<String, String> names = new HashMap<>();
    return instances.activeInstances(application.id(), partyId, auth.tokenValue()).stream()
        .map(instance -> new ActiveInstance(instance.id(), instance.presentationTexts(), instance.dueBefore(),
            instance.lastChanged(), names.computeIfAbsent(String.valueOf(instance.lastChangedBy()),
                id -> displayName(id, auth.tokenValue()))))
        .toList();
  }

  Instance updateSubstatus(CallerAuthentication auth, String org, String app, InstanceRef ref, Substatus substatus) {
    if (!(auth.caller() instanceof Caller.AppOwner)) {
      throw AppRuleException.forbidden("Only the app owner may set an instance's substatus.");
    }
    if (substatus == null || substatus.label() == null || substatus.label().isBlank()) {
      throw AppRuleException.invalid("The substatus needs a 'label'.");
    }
    instanceOf(auth, org, app, ref);
    return instances.updateSubstatus(ref, substatus, auth.tokenValue());
  }

  Instance complete(CallerAuthentication auth, String org, String app, InstanceRef ref) {
    instanceOf(auth, org, app, ref);
    return instances.complete(ref, auth.tokenValue());
  }

  Instance delete(CallerAuthentication auth, String org, String app, InstanceRef ref, boolean hard) {
    instanceOf(auth, org, app, ref);
    return instances.delete(ref, hard, auth.tokenValue());
  }

  private Instance instanceOf(CallerAuthentication auth, String org, String app, InstanceRef ref) {
    return appInstances.get(metadata.application(org, app), ref, auth.tokenValue());
  }

  /**
   * Who changed an instance, by name as app-lib shows it: an organisation number is an organisation in the register,
   * another number is a user in Profile; anything else (an app owner's code) is shown as it is.
   */
  private String displayName(String lastChangedBy, String token) {
    try {
      if (lastChangedBy.matches("\\d{9}")) {
        return register.organisationName(lastChangedBy, token);
      }
      if (lastChangedBy.matches("\\d{1,9}")) {
        return register.userName(Integer.parseInt(lastChangedBy), token);
      }
    } catch (StorageProblemException e) {
      // Someone the register or Profile does not know (any more): the id is all there is to show.
    }
    return lastChangedBy;
  }
}
