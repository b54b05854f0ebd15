package no.instanceplatform.app.apps;

import no.instanceplatform.app.storageclient.StorageClient;
import no.instanceplatform.app.storageclient.StorageProblemException;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.TextResource;
import org.springframework.stereotype.Service;

/** A hosted app's metadata and texts as Storage has them (Storage is the truth once an app is registered), cached. */
@Service
public class AppMetadataService {

  static final String FALLBACK_LANGUAGE = "nb";

  private final AppRegistry registry;
  private final StorageClient storage;
  private final AppMetadataCache cache;

  AppMetadataService(AppRegistry registry, StorageClient storage, AppMetadataCache cache) {
    this.registry = registry;
    this.storage = storage;
    this.cache = cache;
  }

  /** Read anonymously: metadata is public, and a cached answer must not depend on who asked first. */
  public Application application(String org, String app) {
    HostedApp hosted = registry.require(org, app);
    return cache.get(hosted.id(), () -> storage.getApplication(hosted.id(), null));
  }

  /** The texts in {@code language}, or in nb when the app has none in it (as Altinn's app-lib answers). */
  public TextResource texts(String org, String app, String language) {
    HostedApp hosted = registry.require(org, app);
    try {
      return storedTexts(hosted, language);
    } catch (StorageProblemException e) {
      if (e.status() != 404 || FALLBACK_LANGUAGE.equals(language)) {
        throw e;
      }
      return storedTexts(hosted, FALLBACK_LANGUAGE);
    }
  }

  private TextResource storedTexts(HostedApp hosted, String language) {
    return cache.get(hosted.id() + "/texts/" + language, () -> storage.getTexts(hosted.id(), language, null));
  }
}
