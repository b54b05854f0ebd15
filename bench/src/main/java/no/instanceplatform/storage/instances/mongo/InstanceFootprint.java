package no.instanceplatform.storage.instances.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.sun.management.ThreadMXBean;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import no.instanceplatform.model.Instance;
import no.instanceplatform.storage.instances.InstanceLimits;
import no.instanceplatform.storage.instances.InstanceMemory;
import no.instanceplatform.storage.mongo.DocumentSize;
import no.instanceplatform.storage.mongo.FieldReplacement;
import org.bson.Document;
import org.bson.ByteBuf;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.openjdk.jol.info.GraphLayout;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.util.unit.DataSize;

/**
 * What an instance takes in Storage's heap for each byte it takes in the store: the figure behind the instance
 * memory's 32 bytes per stored byte ({@code RequestInstanceMemory}), which was reasoned from the objects' layouts.
 * For instances of four shapes it prints, per stored byte, (1) the heap each stage of a read keeps alive (the
 * store's bytes, the decoded document, Spring Data's record, the instance; and all of them at once, as a read holds
 * them while it decodes), and all a replace makes (the instance read and changed, its record, document, update and
 * mapped update, the command's bytes, and the answer read back), each object reached counted once (JOL's
 * {@code GraphLayout}); and (2) the bytes a read by id and a replace through {@link MongoInstanceStore} allocate in
 * the calling thread, against the emulator in this process: more than a request can hold at once, since it cannot
 * hold more than it allocated. Run by {@code bench/footprint} (docs/PERFORMANCE.md).
 */
public final class InstanceFootprint {

  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

  private InstanceFootprint() {}

  public static void main(String[] args) {
    MongoServer server = new MongoServer(new MemoryBackend());
    String uri = "mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort();
    try (MongoClient client = MongoClients.create(uri)) {
      MongoTemplate mongo = new MongoTemplate(client, "footprint");
      MongoInstanceStore store = new MongoInstanceStore(mongo, new InstanceLimits(DataSize.ofMegabytes(15),
          DataSize.ofMegabytes(16), null, Duration.ZERO), new NoMemory());
      Map<String, Instance> shapes = new LinkedHashMap<>();
      shapes.put("3 data elements", InstanceDocumentMappingBenchmark.storedWithElements(3));
      shapes.put("20 data elements", InstanceDocumentMappingBenchmark.storedWithElements(20));
      shapes.put("800 data values", withValues(800));
      shapes.put("4,700 data values", withValues(4700));
      System.out.println("| instance | stored | store's bytes | document | record | instance | a read, all at once "
          + "| a replace, all at once | allocated: read by id | allocated: replace |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
      shapes.forEach((name, instance) -> System.out.println(row(name, instance, mongo, store)));
    } finally {
      server.shutdown();
    }
  }

  private static String row(String name, Instance instance, MongoTemplate mongo, MongoInstanceStore store) {
    MongoConverter converter = mongo.getConverter();
    Codec<Document> codec = converter.getCodecRegistry().get(Document.class);
    Document written = new Document();
    converter.write(InstanceMapping.toDocument(instance, 1, List.of()), written);
    RawBsonDocument raw = new RawBsonDocument(written, codec);
    int stored = new DocumentSize(converter.getCodecRegistry()).of(written);

    double bytes = perStoredByte(() -> copy(raw), stored);
    double document = perStoredByte(() -> raw.decode(codec), stored);
    double record = perStoredByte(() -> converter.read(InstanceDocument.class, raw.decode(codec)), stored);
    double decoded = perStoredByte(
        () -> InstanceMapping.toInstance(converter.read(InstanceDocument.class, raw.decode(codec))), stored);
    double all = perStoredByte(() -> read(raw, converter), stored);
    FieldReplacement replacement = FieldReplacement.of(mongo, InstanceDocument.class,
        Set.of(InstanceDocument.VERSION, InstanceDocument.PENDING_EVENTS));
    UpdateMapper updates = new UpdateMapper(converter);
    MongoPersistentEntity<?> entity = converter.getMappingContext().getRequiredPersistentEntity(InstanceDocument.class);
    double write = perStoredByte(() -> {
      Instance current = (Instance) read(raw, converter)[3];
      Instance changed = current.changedBy(current.lastChanged().plusMillis(1), "1337");
      InstanceDocument changedRecord = InstanceMapping.toDocument(changed, 1, List.of());
      Document changedDocument = replacement.write(changedRecord);
      Update update = replacement.of(changedDocument);
      Document mapped = updates.getMappedObject(update.getUpdateObject(), entity);
      return new Object[] {current, changed, changedRecord, changedDocument, update, mapped,
          new RawBsonDocument(mapped, codec), read(raw, converter)};
    }, stored);

    store.insert(instance, List.of());
    String guid = instance.instanceGuid();
    double findAllocated = allocatedPerStoredByte(() -> store.find(guid).orElseThrow(), stored);
    long[] version = {1};
    double replaceAllocated = allocatedPerStoredByte(() -> {
      Instance changed = instance.changedBy(instance.lastChanged().plusMillis(version[0]), "1337");
      return store.replace(version[0]++, changed, List.of()).orElseThrow();
    }, stored);
    store.remove(guid);
    return String.format(Locale.ROOT, "| %s | %,d B | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |", name,
        stored, bytes, document, record, decoded, all, write, findAllocated, replaceAllocated);
  }

  /** The heap a made object takes with all it reaches (each object once), per stored byte. */
  private static double perStoredByte(Supplier<Object> make, int stored) {
    return (double) GraphLayout.parseInstance(make.get()).totalSize() / stored;
  }

  /** The bytes one call allocates in this thread, per stored byte: the median of 200 after 300 to warm up. */
  private static double allocatedPerStoredByte(Supplier<Object> call, int stored) {
    IntStream.range(0, 300).forEach(i -> call.get());
    long[] allocated = new long[200];
    for (int i = 0; i < allocated.length; i++) {
      long before = THREADS.getCurrentThreadAllocatedBytes();
      call.get();
      allocated[i] = THREADS.getCurrentThreadAllocatedBytes() - before;
    }
    Arrays.sort(allocated);
    return (double) allocated[allocated.length / 2] / stored;
  }

  /** What a read holds at once: the store's bytes, their document, Spring Data's record and the instance. */
  private static Object[] read(RawBsonDocument raw, MongoConverter converter) {
    RawBsonDocument bytes = copy(raw);
    Document document = bytes.decode(converter.getCodecRegistry().get(Document.class));
    InstanceDocument record = converter.read(InstanceDocument.class, document);
    return new Object[] {bytes, document, record, InstanceMapping.toInstance(record)};
  }

  /** The store's bytes of one instance as the driver reads them: an array of their own, of their exact length. */
  private static RawBsonDocument copy(RawBsonDocument raw) {
    ByteBuf buffer = raw.getByteBuffer();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return new RawBsonDocument(bytes);
  }

  /** An instance of the sample app with {@code count} data values of the size the load scripts write. */
  private static Instance withValues(int count) {
    Map<String, String> values = new LinkedHashMap<>();
    IntStream.range(0, count).forEach(i -> values.put(String.format("k-%05d", i), String.format("value-%05d", i)));
    return InstanceDocumentMappingBenchmark.storedWithElements(1).withDataValues(values);
  }

  /** Outside a request nothing is held; the figures here are what the instance memory's factor stands for. */
  private static final class NoMemory implements InstanceMemory {

    @Override
    public void holdFor(long storedBytes) {}

    @Override
    public void keep(long heapBytes) {}
  }
}
