package no.instanceplatform.storage.instances.mongo;

import java.util.List;
import java.util.concurrent.TimeUnit;
import no.instanceplatform.bench.jmh.InstanceJsonBenchmark;
import no.instanceplatform.model.Instance;
import no.instanceplatform.storage.mongo.DocumentSize;
import org.bson.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * Mapping an instance with 20 data elements to and from its stored document with Spring Data's converter, as Storage
 * does for every instance it writes to or reads from the store (its mapping context and conversions as Boot builds
 * them, which Storage does not change). In Storage's package (in the bench module), to measure its very document
 * and mapping. Beside {@code InstanceJsonBenchmark}'s figures for the same instance, it says what a hand-written
 * converter could gain at most (docs/PERFORMANCE.md); and what measuring a written document against the instance
 * size limit costs (Storage's {@code DocumentSize}, before every write).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InstanceDocumentMappingBenchmark {

  private MappingMongoConverter converter;
  private Instance instance;
  private Document stored;
  private DocumentSize size;

  @Setup
  public void setUp() {
    MongoCustomConversions conversions = new MongoCustomConversions(List.of());
    MongoMappingContext context = new MongoMappingContext();
    context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
    context.afterPropertiesSet();
    converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
    converter.setCustomConversions(conversions);
    converter.afterPropertiesSet();
    instance = storedWithElements(20);
    stored = write();
    size = new DocumentSize(converter.getCodecRegistry());
  }

  /** {@code InstanceJsonBenchmark}'s instance as Storage stores it: without the links it adds to its answers. */
  static Instance storedWithElements(int elements) {
    Instance answered = InstanceJsonBenchmark.instanceWithElements(elements);
    return answered.withData(answered.data().stream().map(element -> element.withSelfLinks(null)).toList());
  }

  @Benchmark
  public Document write() {
    Document document = new Document();
    converter.write(InstanceMapping.toDocument(instance, 7, List.of()), document);
    return document;
  }

  @Benchmark
  public int measure() {
    return size.of(stored);
  }

  @Benchmark
  public Instance read() {
    return InstanceMapping.toInstance(converter.read(InstanceDocument.class, stored));
  }
}
