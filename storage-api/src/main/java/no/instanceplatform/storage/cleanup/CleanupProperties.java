package no.instanceplatform.storage.cleanup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The physical deletion of instances.
 *
 * @param enabled whether the cleanup runs
 * @param interval the pause between runs
 * @param confirmedRetention how long after the app owner confirmed completion an archived, hard-deleted instance is
 *     kept (Altinn: 7 days)
 * @param softDeletedRetention when set, soft-deleted instances are removed this long after their deletion, by the
 *     same rules (off by default, as in Altinn)
 * @param orphanInterval the pause between sweeps for blobs without metadata and the temporary files of crashed
 *     writes; each lists the whole blob store, so it runs far less often than the removal of deleted instances
 * @param orphanGrace how old such a blob or temporary file must be before it is removed, so that an upload whose
 *     metadata is still being written keeps its blob
 */
@ConfigurationProperties("storage.cleanup")
public record CleanupProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("PT10M") Duration interval,
    @DefaultValue("P7D") Duration confirmedRetention,
    Duration softDeletedRetention,
    @DefaultValue("PT6H") Duration orphanInterval,
    @DefaultValue("PT1H") Duration orphanGrace) {}
