package no.instanceplatform.storage.texts;

import java.util.Optional;
import no.instanceplatform.model.TextResource;
import no.instanceplatform.storage.applications.AppId;

/**
 * Port to the text resources of the applications, one per application and language. What it answers carries the
 * id {@code org-app-language} and the org, as Altinn sets them.
 */
public interface TextStore {

  Optional<TextResource> find(AppId appId, String language);

  /** Inserts the texts, or replaces those of the same application and language. */
  TextResource save(AppId appId, TextResource texts);

  /**
   * Replaces existing texts of the same application and language.
   *
   * @return the texts as stored, or empty when there were none to replace
   */
  Optional<TextResource> replace(AppId appId, TextResource texts);

  /** Removes the texts; false when there were none. */
  boolean delete(AppId appId, String language);
}
