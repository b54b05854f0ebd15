package no.instanceplatform.model;

/** Whether an app user has opened an instance, as the message box shows it. */
public enum ReadStatus {
  Unread,
  Read,
  UpdatedSinceLastReview
}
