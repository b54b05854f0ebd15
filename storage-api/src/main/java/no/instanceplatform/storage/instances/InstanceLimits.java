package no.instanceplatform.storage.instances;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large instances may grow, and how much of them one page holds. Every read of an instance holds it in memory
 * several times over (as read from the store, as objects, as the store's document again when written), for each
 * request at once: measured at {@code -Xmx256m}, 64 writes at once to an instance of about 500 KB passed, and 64 to one
 * of 1 MB, or 16 to one of 2 MB, ran Storage out of memory.
 *
 * @param maxSize the most an instance's metadata may take in its store, as the store measures it (MongoDB: the BSON
 *     document written, outbox aside). Data values, presentation texts and data elements all add to it. Altinn's
 *     Storage kept its instances in Cosmos DB, whose items are at most 2 MB; raise it with the heap
 * @param maxPageSize the most the instances of one page (a query's, the message box's, the cleanup's) may take in
 *     the store: a page ends before the instance that would take it past this, with a next page for the rest, and
 *     holds at least one instance
 * @param memory how much memory the instances requests hold at once may take (see {@link InstanceMemory}); unset, a
 *     quarter of the heap
 * @param memoryWait how long a request waits for that memory before it is refused (503)
 */
@ConfigurationProperties("storage.instances")
public record InstanceLimits(@DefaultValue("256KB") DataSize maxSize, @DefaultValue("1MB") DataSize maxPageSize,
    DataSize memory, @DefaultValue("20s") Duration memoryWait) {}
