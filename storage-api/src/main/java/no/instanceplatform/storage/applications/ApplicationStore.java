package no.instanceplatform.storage.applications;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.instanceplatform.model.Application;

/** Port to the application metadata. */
public interface ApplicationStore {

  Optional<Application> find(AppId appId);

  /** All applications, or those of one org when {@code org} is not null, ordered by id. */
  List<Application> findAll(String org);

  /**
   * Inserts the application, or replaces an existing one with the same id while keeping its {@code created}
   * and {@code createdBy}, in one atomic write.
   *
   * @return the application as stored
   */
  Application upsert(Application application);

  /**
   * Replaces an existing application, keeping its {@code created} and {@code createdBy}, in one atomic write.
   *
   * @return the application as stored, or empty when there is none with that id
   */
  Optional<Application> replace(Application application);

  /**
   * Sets {@code validTo} (and the last change) of an existing application, in one atomic write.
   *
   * @return the application as stored, or empty when there is none with that id
   */
  Optional<Application> expire(AppId appId, Instant validTo, String changedBy);

  /**
   * Removes the application.
   *
   * @return the application as it was, or empty when there was none with that id
   */
  Optional<Application> remove(AppId appId);
}
