package no.instanceplatform.app.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import no.instanceplatform.app.apps.AppInstances;
import no.instanceplatform.app.apps.AppMetadataService;
import no.instanceplatform.app.common.AppRuleException;
import no.instanceplatform.app.storageclient.DataClient;
import no.instanceplatform.app.storageclient.DataClient.Upload;
import no.instanceplatform.app.storageclient.InstanceRef;
import no.instanceplatform.app.storageclient.UploadUnreadableException;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.DataElement;
import no.instanceplatform.model.DataType;
import no.instanceplatform.model.Instance;
import no.instanceplatform.security.CallerAuthentication;
import no.instanceplatform.web.MemoryBudget;
import org.springframework.stereotype.Service;

/**
 * An instance's data through the app: the app's rules first (the instance is active, the data type is the app's and
 * belongs to the current task, files are named), then Storage, which enforces the data type's limits and the
 * caller's rights. Form data is read whole, within a memory budget, and checked to be well-formed before it is sent
 * on (it is small, and the app must see its values); files stream through.
 */
@Service
public class DataService {

  /** The most form data read into memory when its data type sets no maxSize. */
  static final int FORM_LIMIT_BYTES = 10 * 1024 * 1024;

  private final AppMetadataService metadata;
  private final AppInstances appInstances;
  private final DataClient data;
  private final FormFields fields;
  private final FormMemory formMemory;

  DataService(AppMetadataService metadata, AppInstances appInstances, DataClient data, FormFields fields,
      FormMemory formMemory) {
    this.metadata = metadata;
    this.appInstances = appInstances;
    this.data = data;
    this.fields = fields;
    this.formMemory = formMemory;
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
    DataElement created;
    FormValues values;
    try (FormUpload form = readForm(application, type, upload)) {
      created = data.create(ref, type.id(), form.upload(), auth.tokenValue());
      values = form.values();
    }
    fields.update(application, ref, type.id(), values, auth.tokenValue());
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
    DataElement replaced;
    FormValues values;
    try (FormUpload form = readForm(application, type, upload)) {
      replaced = data.replace(ref, dataGuid, form.upload(), auth.tokenValue());
      values = form.values();
    }
    fields.update(application, ref, type.id(), values, auth.tokenValue());
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

  /**
   * Form data read whole, checked to be well-formed and scanned for the values of the app's fields, to be sent on as
   * read. It is held in the form memory until the upload is closed: at most the data type's maxSize, and never more
   * than {@link FormMemory#mostHeld}. A form that declares its length takes room for that length before it is read,
   * one sent in chunks room for the most it may be.
   */
  private FormUpload readForm(Application application, DataType type, Upload upload) {
    DataRules.requireAllowedContentType(type, upload.contentType(), "The form data");
    long maxSize = type.maxSize() != null && type.maxSize() > 0 ? type.maxSize() * 1024L * 1024L : FORM_LIMIT_BYTES;
    long limit = Math.min(maxSize, formMemory.mostHeld());
    if (upload.contentLength() > limit) {
      throw tooLarge(type, limit);
    }
    MemoryBudget.Reservation memory = formMemory.hold(upload.contentLength() >= 0 ? upload.contentLength() : limit);
    try {
      byte[] bytes = readWhole(upload, limit);
      if (bytes.length > limit) {
        throw tooLarge(type, limit);
      }
      Collection<String> paths = FormFields.paths(application, type.id());
      FormValues values = FormDocument.scan(upload.contentType(), new ByteArrayInputStream(bytes), paths,
          "The form data");
      return new FormUpload(values, new Upload(upload.contentType(), upload.contentDisposition(), bytes.length,
          new ByteArrayInputStream(bytes)), memory);
    } catch (IOException e) {
      memory.close();
      throw new UploadUnreadableException(e);
    } catch (RuntimeException e) {
      memory.close();
      throw e;
    }
  }

  /**
   * A declared length is read into an array of that length; content sent in chunks grows as it is read, and takes
   * twice its length for a moment at the end. At most {@code limit} and one byte more is read.
   */
  private static byte[] readWhole(Upload upload, long limit) throws IOException {
    if (upload.contentLength() < 0) {
      return upload.content().readNBytes(Math.toIntExact(Math.min(limit + 1, Integer.MAX_VALUE - 8)));
    }
    byte[] bytes = new byte[Math.toIntExact(upload.contentLength())];
    int read = upload.content().readNBytes(bytes, 0, bytes.length);
    return read == bytes.length ? bytes : Arrays.copyOf(bytes, read);
  }

  private AppRuleException tooLarge(DataType type, long limit) {
    String what = "The form data of type '" + type.id() + "'";
    return limit == formMemory.mostHeld() ? formMemory.tooLongToHold(what)
        : AppRuleException.tooLarge(what + " is larger than " + limit + " bytes.");
  }

  /** A form read and checked, and the memory its bytes hold until it is closed. */
  private record FormUpload(FormValues values, Upload upload, MemoryBudget.Reservation memory)
      implements AutoCloseable {

    @Override
    public void close() {
      memory.close();
    }
  }
}
