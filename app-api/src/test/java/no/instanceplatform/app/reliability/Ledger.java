package no.instanceplatform.app.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  /** A promised instance: its data elements (id to SHA-256), whether it was deleted, and its current task. */
  static final class PromisedInstance {
    final String id;
    final Map<String, String> elements = new ConcurrentHashMap<>();
    final List<String> deletedElements = new ArrayList<>();
    volatile boolean softDeleted;
    volatile String task;
    volatile int crewlists;

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
