package no.instanceplatform.app.support;

/** The one real Storage of the test JVM, shared by every App API test, stopped with the JVM. */
public final class SharedStorage {

  public static final InProcessStorage INSTANCE = InProcessStorage.start();

  private SharedStorage() {}
}
