package no.instanceplatform.app.process;

/** A process move that the instance's process state does not allow: not started, already ended, or lost. */
public class ProcessStateException extends RuntimeException {

  public ProcessStateException(String message) {
    super(message);
  }
}
