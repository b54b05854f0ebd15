package no.instanceplatform.bench.jmh;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.instanceplatform.model.DataElement;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceOwner;
import no.instanceplatform.model.InstanceStatus;
import no.instanceplatform.model.ProcessElementInfo;
import no.instanceplatform.model.ProcessState;
import no.instanceplatform.model.ReadStatus;
import no.instanceplatform.model.ResourceLinks;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writing and reading an instance with 20 data elements as JSON with the shared model's records and Jackson 3, as
 * both services do for every instance they answer or read from Storage (the mapper configured as their
 * application.yml configures Boot's: unknown properties ignored).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InstanceJsonBenchmark {

  private JsonMapper json;
  private Instance instance;
  private byte[] written;

  @Setup
  public void setUp() {
    json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    instance = instanceWithElements(20);
    written = json.writeValueAsBytes(instance);
  }

  @Benchmark
  public byte[] serialize() {
    return json.writeValueAsBytes(instance);
  }

  @Benchmark
  public Instance deserialize() {
    return json.readValue(written, Instance.class);
  }

  /** An instance of the sample app as Storage answers it: links, process at a task, and {@code elements} files. */
  public static Instance instanceWithElements(int elements) {
    String guid = UUID.nameUUIDFromBytes(new byte[] {1}).toString();
    String id = "501337/" + guid;
    Instant at = Instant.parse("2026-11-23T09:00:00.123Z");
    String apps = "http://localhost:5005/test/sailor/instances/" + id;
    String platform = "http://localhost:5101/storage/api/v1/instances/" + id;
    List<DataElement> data = new ArrayList<>();
    for (int i = 0; i < elements; i++) {
      String element = UUID.nameUUIDFromBytes(new byte[] {2, (byte) i}).toString();
      data.add(new DataElement(element, guid, i == 0 ? "boatdata" : "certificate", i == 0 ? null : "c" + i + ".pdf",
          i == 0 ? "application/json" : "application/pdf", "test/sailor/" + guid + "/data/" + element,
          new ResourceLinks(apps + "/data/" + element, platform + "/data/" + element), 100_000L + i, false, List.of(),
          null, at, "1337", at, "1337"));
    }
    ProcessState process = new ProcessState(at, "StartEvent_1",
        new ProcessElementInfo(2, at, "Task_1", "Utfylling", "data", null, null), null, null);
    InstanceStatus status = new InstanceStatus(false, null, false, null, false, null, ReadStatus.Read, null);
    return new Instance(id, InstanceOwner.ofParty("501337"), "test/sailor", "test", new ResourceLinks(apps, platform),
        null, at, process, status, List.of(), data, Map.of("BoatName", "Sjøstjerna"), Map.of(), at, "1337", at,
        "1337");
  }
}
