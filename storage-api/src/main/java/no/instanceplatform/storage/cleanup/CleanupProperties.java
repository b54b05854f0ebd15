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
 */
@ConfigurationProperties("storage.cleanup")
public record CleanupProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("PT10M") Duration interval,
    @DefaultValue("P7D") Duration confirmedRetention,
    Duration softDeletedRetention) {}
