package no.instanceplatform.storage.messagebox;

import java.util.Locale;
import no.instanceplatform.storage.common.StorageException;

/**
 * The three boxes of Altinn's message box. They do not overlap: a soft-deleted instance is in the recycle bin
 * whether or not it was archived, and a hard-deleted one is in none.
 */
enum MessageBoxState {
  /** Neither archived nor deleted: work in progress. */
  ACTIVE(false, false),
  /** Soft-deleted (in the recycle bin), not hard-deleted. */
  DELETED(null, true),
  /** Archived and not deleted. */
  ARCHIVED(true, false);

  /** The value {@code status.isArchived} must have, or null for any. */
  final Boolean isArchived;
  /** The value {@code status.isSoftDeleted} must have. */
  final boolean isSoftDeleted;

  MessageBoxState(Boolean isArchived, boolean isSoftDeleted) {
    this.isArchived = isArchived;
    this.isSoftDeleted = isSoftDeleted;
  }

  static MessageBoxState parse(String state) {
    if (state == null || state.isBlank()) {
      throw StorageException.invalid("The state is required: active, deleted or archived.");
    }
    return switch (state.trim().toLowerCase(Locale.ROOT)) {
      case "active" -> ACTIVE;
      case "deleted" -> DELETED;
      case "archived" -> ARCHIVED;
      default -> throw StorageException.invalid("The state '" + state
          + "' is not valid: use active, deleted or archived.");
    };
  }
}
