package no.instanceplatform.app.reliability;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the services promised during a load run: every instance and data element a 2xx answer created (with the
 * checksum of the bytes sent), every deletion and process move a 2xx answer confirmed, and the markers of requests
 * that were refused, so the audit can check that nothing of them was stored. Each client only touches its own
 * instances, so what the ledger says of an instance is exactly what Storage must hold.
 */
final class Ledger {

  /**
   * A promised instance: its data elements (id to SHA-256), whether it was deleted, and its current task; and what
   * is in doubt, because a change was answered with a 5xx (Storage went away while it was being made): it may or may
   * not have been made, so either outcome keeps the promise, and nothing else does.
   */
  static final class PromisedInstance {
    final String id;
    final Map<String, String> elements = new ConcurrentHashMap<>();
    final List<String> deletedElements = new ArrayList<>();
    volatile boolean softDeleted;
    volatile String task;
    /** The SHA-256 of each upload in doubt: it may be stored, under an id the client was never told. */
    final List<String> uploadsInDoubt = new ArrayList<>();
    /** Data elements whose deletion is in doubt. */
    final Set<String> deletionsInDoubt = new HashSet<>();
    /** A move of the process is in doubt: the instance may be at a later task than {@link #task}. */
    volatile boolean moveInDoubt;
    volatile boolean softDeletionInDoubt;

    PromisedInstance(String id, String task) {
      this.id = id;
      this.task = task;
    }
  }

  final Map<String, PromisedInstance> instances = new ConcurrentHashMap<>();
  final ConcurrentLinkedQueue<String> refusedMarkers = new ConcurrentLinkedQueue<>();
  final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
  final Map<String, AtomicLong> operations = new ConcurrentHashMap<>();
  final AtomicLong bytesUploaded = new AtomicLong();
  /** Creates answered with a 5xx: each may have left an instance the client was never told of. */
  final AtomicLong createsInDoubt = new AtomicLong();

  /** Whether an answer leaves the change it was asked for in doubt: made or not, the client cannot know. */
  static boolean inDoubt(int status) {
    return status >= 500;
  }

  void answered(String operation, int status) {
    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    operations.computeIfAbsent(operation + " " + (status / 100) + "xx", o -> new AtomicLong()).incrementAndGet();
  }

  long requests() {
    return statuses.values().stream().mapToLong(AtomicLong::get).sum();
  }

  long count(int fromStatus, int toStatus) {
    return statuses.entrySet().stream().filter(e -> e.getKey() >= fromStatus && e.getKey() <= toStatus)
        .mapToLong(e -> e.getValue().get()).sum();
  }

  long elements() {
    return instances.values().stream().mapToLong(i -> i.elements.size()).sum();
  }
}
