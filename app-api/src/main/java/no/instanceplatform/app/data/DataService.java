package no.instanceplatform.app.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import no.instanceplatform.app.apps.AppInstances;
import no.instanceplatform.app.apps.AppMetadataService;
import no.instanceplatform.app.common.AppRuleException;
import no.instanceplatform.app.storageclient.DataClient;
import no.instanceplatform.app.storageclient.DataClient.Upload;
import no.instanceplatform.app.storageclient.InstanceRef;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.DataElement;
import no.instanceplatform.model.DataType;
import no.instanceplatform.model.Instance;
import no.instanceplatform.security.CallerAuthentication;
import org.springframework.stereotype.Service;

/**
 * An instance's data through the app: the app's rules first (the instance is active, the data type is the app's and
 * belongs to the current task, files are named), then Storage, which enforces the data type's limits and the
 * caller's rights. Form data is read whole (it is small and the app must see it); files stream through.
 */
@Service
public class DataService {

  /** The most form data read into memory when its data type sets no maxSize. */
  static final int FORM_LIMIT_BYTES = 10 * 1024 * 1024;

  private final AppMetadataService metadata;
  private final AppInstances appInstances;
  private final DataClient data;
  private final FormFields fields;

  DataService(AppMetadataService metadata, AppInstances appInstances, DataClient data, FormFields fields) {
    this.metadata = metadata;
    this.appInstances = appInstances;
    this.data = data;
    this.fields = fields;
  }

  public DataElement create(CallerAuthentication auth, String org, String app, InstanceRef ref, String dataTypeId,
      Upload upload) {
    Application application = metadata.application(org, app);
    Instance instance = instanceOf(auth, application, ref);
    DataRules.requireActive(instance);
    DataType type = DataRules.requireDataType(application, dataTypeId);
    DataRules.requireCurrentTask(instance, type);
    DataRules.requireFilename(type, upload.contentDisposition());
    if (!DataRules.isForm(type)) {
      return data.create(ref, type.id(), upload, auth.tokenValue());
    }
    FormUpload form = readForm(type, upload);
    DataElement created = data.create(ref, type.id(), form.upload(), auth.tokenValue());
    fields.update(application, ref, type.id(), form.document(), auth.tokenValue());
    return created;
  }

  public DataElement replace(CallerAuthentication auth, String org, String app, InstanceRef ref, UUID dataGuid,
      Upload upload) {
    Application application = metadata.application(org, app);
    Instance instance = instanceOf(auth, application, ref);
    DataElement element = element(instance, dataGuid);
    DataRules.requireActive(instance);
    DataType type = DataRules.requireDataType(application, element.dataType());
    DataRules.requireCurrentTask(instance, type);
    DataRules.requireFilename(type, upload.contentDisposition());
    if (!DataRules.isForm(type)) {
      return data.replace(ref, dataGuid, upload, auth.tokenValue());
    }
    FormUpload form = readForm(type, upload);
    DataElement replaced = data.replace(ref, dataGuid, form.upload(), auth.tokenValue());
    fields.update(application, ref, type.id(), form.document(), auth.tokenValue());
    return replaced;
  }

  public DataElement delete(CallerAuthentication auth, String org, String app, InstanceRef ref, UUID dataGuid) {
    Application application = metadata.application(org, app);
    Instance instance = instanceOf(auth, application, ref);
    DataElement element = element(instance, dataGuid);
    DataRules.requireActive(instance);
    DataRules.requireCurrentTask(instance, DataRules.requireDataType(application, element.dataType()));
    return data.delete(ref, dataGuid, auth.tokenValue());
  }

  /**
   * Streams the file to {@code receiver} once the instance is known to be this app's and to have the element. The
   * file is opened while the instance is read, the two calls to Storage at once rather than one after the other;
   * when a check fails the file is let go unread, and the check's refusal is the answer.
   */
  public <T> T read(CallerAuthentication auth, String org, String app, InstanceRef ref, UUID dataGuid,
      DataClient.Receiver<T> receiver) throws IOException {
    Application application = metadata.application(org, app);
    DataClient.Opening file = data.open(ref, dataGuid, auth.tokenValue());
    try {
      element(instanceOf(auth, application, ref), dataGuid);
    } catch (RuntimeException | Error e) {
      file.discard();
      throw e;
    }
    return file.receive(receiver);
  }

  private Instance instanceOf(CallerAuthentication auth, Application application, InstanceRef ref) {
    return appInstances.get(application, ref, auth.tokenValue());
  }

  private static DataElement element(Instance instance, UUID dataGuid) {
    return instance.data() == null ? missing(instance, dataGuid) : instance.data().stream()
        .filter(element -> dataGuid.toString().equals(element.id())).findFirst()
        .orElseGet(() -> missing(instance, dataGuid));
  }

  private static DataElement missing(Instance instance, UUID dataGuid) {
    throw AppRuleException.notFound("Instance " + instance.id() + " has no data element " + dataGuid + ".");
  }

  /** Form data read whole (bounded by the data type's maxSize), checked to be well-formed, then sent on as read. */
  private static FormUpload readForm(DataType type, Upload upload) {
    DataRules.requireAllowedContentType(type, upload.contentType(), "The form data");
    long limit = type.maxSize() != null && type.maxSize() > 0 ? type.maxSize() * 1024L * 1024L : FORM_LIMIT_BYTES;
    byte[] bytes;
    try {
      bytes = upload.content().readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8) + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > limit) {
      throw AppRuleException.tooLarge("The form data of type '" + type.id() + "' is larger than " + limit
          + " bytes.");
    }
    FormDocument document = FormDocument.parse(upload.contentType(), bytes, "The form data");
    return new FormUpload(document,
        new Upload(upload.contentType(), upload.contentDisposition(), bytes.length, new ByteArrayInputStream(bytes)));
  }

  private record FormUpload(FormDocument document, Upload upload) {}
}
