package no.instanceplatform.storage.messagebox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import no.instanceplatform.model.MessageBoxInstance;
import no.instanceplatform.model.Substatus;
import no.instanceplatform.storage.instances.InstanceMemory;
import no.instanceplatform.storage.instances.InstanceQuery;
import no.instanceplatform.storage.instances.InstanceStore;

/**
 * One request's list of message box instances, the newest {@value #MOST} at most, as Altinn answers them (its
 * search asks its store for that many). Each instance is turned into the message box's small view as the store hands
 * it on ({@link InstanceStore#scan}), so the request keeps the views rather than the instances with their data
 * elements and values, and holds {@link InstanceMemory} for them under the one instance it reads next.
 */
final class MessageBoxListing {

  /** Altinn's message box answers at most this many instances. */
  static final int MOST = 5000;

  private static final Comparator<MessageBoxInstance> NEWEST_FIRST = Comparator
      .comparing(MessageBoxInstance::lastChangedDateTime, Comparator.nullsLast(Comparator.reverseOrder()))
      .thenComparing(MessageBoxInstance::id, Comparator.reverseOrder());

  /**
   * An upper estimate of a view's heap beyond its strings, from the objects' layouts: the record, five instants, a
   * substatus, and its place in the list.
   */
  private static final long VIEW_BYTES = 256;

  /** A string's object and array headers; its characters count two bytes each, at most. */
  private static final long STRING_BYTES = 48;

  private final InstanceStore store;
  private final InstanceMemory memory;
  private final MessageBoxMapper.View view;
  private final List<MessageBoxInstance> views = new ArrayList<>();
  private long heapBytes;
  private int queries;

  MessageBoxListing(InstanceStore store, InstanceMemory memory, MessageBoxMapper.View view) {
    this.store = store;
    this.memory = memory;
    this.view = view;
  }

  /** Adds the newest instances of the query, up to {@value #MOST}. */
  MessageBoxListing read(InstanceQuery query) {
    queries++;
    int before = views.size();
    store.scan(query, instance -> {
      MessageBoxInstance mapped = view.map(instance);
      views.add(mapped);
      heapBytes += heapBytes(mapped);
      memory.keep(heapBytes);
      return views.size() - before < MOST;
    });
    return this;
  }

  /** What was read, newest change first; of several queries' instances, the newest {@value #MOST}. */
  List<MessageBoxInstance> newest() {
    if (queries > 1) {
      views.sort(NEWEST_FIRST);
    }
    return views.size() > MOST ? views.subList(0, MOST) : views;
  }

  private static long heapBytes(MessageBoxInstance view) {
    Substatus substatus = view.substatus();
    return VIEW_BYTES + heapBytes(view.id()) + heapBytes(view.org()) + heapBytes(view.appName())
        + heapBytes(view.title()) + heapBytes(view.processCurrentTask()) + heapBytes(view.lastChangedBy())
        + (substatus == null ? 0 : heapBytes(substatus.label()) + heapBytes(substatus.description()));
  }

  private static long heapBytes(String text) {
    return text == null ? 0 : STRING_BYTES + 2L * text.length();
  }
}
