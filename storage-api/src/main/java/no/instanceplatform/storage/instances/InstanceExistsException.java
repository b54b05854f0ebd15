package no.instanceplatform.storage.instances;

/** The store already holds an instance with the guid of one being inserted. */
public class InstanceExistsException extends RuntimeException {

  public InstanceExistsException(String instanceGuid) {
    super("An instance with guid " + instanceGuid + " exists already.");
  }
}
