package no.instanceplatform.storage.texts;

import java.util.List;
import java.util.regex.Pattern;
import no.instanceplatform.model.TextResource;
import no.instanceplatform.model.TextResourceElement;
import no.instanceplatform.storage.applications.AppId;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.common.StorageException;
import no.instanceplatform.storage.security.AccessPolicy;
import no.instanceplatform.security.Caller;
import org.springframework.stereotype.Service;

/** The rules for the texts of an application: one resource per language, each text with an id. */
@Service
public class TextService {

  private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");

  private final TextStore store;
  private final ApplicationStore applications;
  private final AccessPolicy policy;

  TextService(TextStore store, ApplicationStore applications, AccessPolicy policy) {
    this.store = store;
    this.applications = applications;
    this.policy = policy;
  }

  /** Stores the texts of the body's language; as in Altinn, texts already stored for it are replaced. */
  public TextResource create(AppId appId, TextResource texts, Caller caller) {
    policy.requireAppDeploy(caller, appId.org());
    String language = requireBodyLanguage(texts);
    requireResources(texts.resources());
    if (applications.find(appId).isEmpty()) {
      throw StorageException.notFound("There is no application '" + appId + "' to add texts to.");
    }
    return store.save(appId, normalised(language, texts));
  }

  public TextResource get(AppId appId, String language, Caller caller) {
    requireValid(language);
    return store.find(appId, language).orElseThrow(() -> notFound(appId, language));
  }

  public TextResource replace(AppId appId, String language, TextResource texts, Caller caller) {
    policy.requireAppDeploy(caller, appId.org());
    requireValid(language);
    String bodyLanguage = requireBodyLanguage(texts);
    if (!bodyLanguage.equals(language)) {
      throw StorageException.invalid("The text resource's language '" + bodyLanguage
          + "' does not match the language '" + language + "' in the path.");
    }
    requireResources(texts.resources());
    return store.replace(appId, normalised(language, texts)).orElseThrow(() -> notFound(appId, language));
  }

  public void delete(AppId appId, String language, Caller caller) {
    policy.requireAppDeploy(caller, appId.org());
    requireValid(language);
    if (!store.delete(appId, language)) {
      throw notFound(appId, language);
    }
  }

  /** Id and org are Storage's to set; whatever the client sent for them is dropped. */
  private static TextResource normalised(String language, TextResource texts) {
    return new TextResource(null, null, language, texts.resources());
  }

  private static String requireBodyLanguage(TextResource texts) {
    if (texts.language() == null) {
      throw StorageException.invalid("The text resource's 'language' is required: a two-letter lower-case "
          + "ISO 639-1 code, such as 'nb'.");
    }
    return requireValid(texts.language());
  }

  private static String requireValid(String language) {
    if (!LANGUAGE.matcher(language).matches()) {
      throw StorageException.invalid("The language '" + language + "' is not valid: it must be a two-letter "
          + "lower-case ISO 639-1 code, such as 'nb'.");
    }
    return language;
  }

  private static void requireResources(List<TextResourceElement> resources) {
    if (resources == null) {
      throw StorageException.invalid("The text resource's 'resources' is required: a list of texts, each with "
          + "an 'id'.");
    }
    for (int i = 0; i < resources.size(); i++) {
      TextResourceElement text = resources.get(i);
      if (text == null || text.id() == null || text.id().isBlank()) {
        throw StorageException.invalid("The text at resources[" + i + "] has no 'id'.");
      }
    }
  }

  private static StorageException notFound(AppId appId, String language) {
    return StorageException.notFound("There are no texts in language '" + language + "' for application '"
        + appId + "'.");
  }
}
