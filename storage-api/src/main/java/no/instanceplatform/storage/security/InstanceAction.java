package no.instanceplatform.storage.security;

/** What a caller wants to do with an instance, as the access rules distinguish it. */
public enum InstanceAction {
  /** Read the instance, its events and its process history; mark it read. */
  READ,
  /** Change the instance, its process or its texts; report events; delete it. */
  WRITE,
  /** What only the app owner does: set the substatus, confirm completion, delete the events. */
  APP_OWNER_WRITE
}
