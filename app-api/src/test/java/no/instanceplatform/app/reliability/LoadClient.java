package no.instanceplatform.app.reliability;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import no.instanceplatform.app.reliability.Ledger.PromisedInstance;
import no.instanceplatform.app.support.AppHttp;
import no.instanceplatform.app.support.AppHttp.Multipart;
import no.instanceplatform.app.support.AppHttp.Response;
import no.instanceplatform.testkit.ServiceProcess;
import tools.jackson.databind.JsonNode;

/**
 * One simulated user of the sample app: creates instances with files, fills in and moves them through the process,
 * uploads crew lists, deletes files and instances, reads and queries, and now and then sends a request that must
 * be refused. Every answer is written to the ledger; every 2xx answer's promise is recorded for the audit.
 */
final class LoadClient {

  private static final String INSTANCES = "/test/sailor/instances";
  private static final Duration BACK_OFF = Duration.ofMillis(100);

  private final AppHttp app;
  private final AppHttp storage;
  private final Ledger ledger;
  private final Random random;
  private final List<PromisedInstance> mine = new ArrayList<>();
  private final int clientId;
  private int sequence;

  LoadClient(int clientId, AppHttp app, AppHttp storage, Ledger ledger) {
    this.clientId = clientId;
    this.app = app;
    this.storage = storage;
    this.ledger = ledger;
    this.random = new Random(clientId);
  }

  void runWhile(BooleanSupplier going) {
    while (going.getAsBoolean()) {
      step();
    }
  }

  private void step() {
    int dice = random.nextInt(100);
    PromisedInstance target = mine.isEmpty() ? null : mine.get(random.nextInt(mine.size()));
    if (target == null || dice < 25) {
      create();
    } else if (dice < 40) {
      moveOn(target);
    } else if (dice < 55) {
      uploadCrewlist(target);
    } else if (dice < 70) {
      read(target);
    } else if (dice < 78) {
      query();
    } else if (dice < 85) {
      deleteCertificate(target);
    } else if (dice < 92) {
      deleteInstance(target);
    } else {
      refusedCreate();
    }
  }

  private void create() {
    byte[] boat = ("{\"boatName\":\"Boat " + clientId + "-" + (++sequence) + "\",\"boatLength\":12}")
        .getBytes(StandardCharsets.UTF_8);
    byte[] certificate = randomBytes(1 + random.nextInt(64 * 1024));
    Response response = app.multipart(INSTANCES, new Multipart()
        .part("instance", "application/json", "{\"instanceOwner\":{\"partyId\":\"501337\"}}")
        .part("boatdata", "application/json", null, boat)
        .part("certificate", "application/pdf", "certificate.pdf", certificate));
    answered("create", response.status());
    if (Ledger.inDoubt(response.status())) {
      ledger.createsInDoubt.incrementAndGet();
    }
    if (response.status() != 201) {
      return;
    }
    JsonNode instance = response.json();
    PromisedInstance promised = new PromisedInstance(instance.get("id").asString(),
        instance.at("/process/currentTask/elementId").asString());
    for (JsonNode element : instance.get("data")) {
      boolean form = "boatdata".equals(element.get("dataType").asString());
      promised.elements.put(element.get("id").asString(), sha256(form ? boat : certificate));
    }
    ledger.bytesUploaded.addAndGet(boat.length + certificate.length);
    ledger.instances.put(promised.id, promised);
    mine.add(promised);
  }

  private void moveOn(PromisedInstance instance) {
    String action = "Task_3".equals(instance.task) ? "{\"action\":\"confirm\"}" : null;
    Response response = app.put(INSTANCES + "/" + instance.id + "/process/next", action);
    answered("process/next", response.status());
    if (response.status() == 200) {
      JsonNode state = response.json();
      instance.task = state.at("/currentTask/elementId").isMissingNode() || state.at("/currentTask").isNull()
          ? null : state.at("/currentTask/elementId").asString();
      instance.moveInDoubt = false;
    } else if (Ledger.inDoubt(response.status())) {
      instance.moveInDoubt = true;
    }
  }

  private void uploadCrewlist(PromisedInstance instance) {
    byte[] crew = ("<CrewList><member>Sailor " + random.nextInt(1000) + "</member></CrewList>")
        .getBytes(StandardCharsets.UTF_8);
    Response response = app.upload("POST", INSTANCES + "/" + instance.id + "/data?dataType=crewlist",
        "application/xml", null, crew);
    answered("upload crewlist", response.status());
    if (response.status() == 201) {
      instance.elements.put(response.json().get("id").asString(), sha256(crew));
      ledger.bytesUploaded.addAndGet(crew.length);
    } else if (Ledger.inDoubt(response.status())) {
      instance.uploadsInDoubt.add(sha256(crew));
    }
  }

  private void read(PromisedInstance instance) {
    answered("get", app.get(INSTANCES + "/" + instance.id).status());
  }

  /** Straight to Storage: while it is down, there is no answer at all (status 0). */
  private void query() {
    int status;
    try {
      status = storage.get("/storage/api/v1/instances?appId=test/sailor&size=20").status();
    } catch (UncheckedIOException e) {
      status = 0;
    }
    answered("query", status);
  }

  private void deleteCertificate(PromisedInstance instance) {
    Response current = app.get(INSTANCES + "/" + instance.id);
    answered("get", current.status());
    if (current.status() != 200) {
      return;
    }
    for (JsonNode element : current.json().get("data")) {
      if ("certificate".equals(element.get("dataType").asString())) {
        String elementId = element.get("id").asString();
        Response deleted = app.delete(INSTANCES + "/" + instance.id + "/data/" + elementId);
        answered("delete file", deleted.status());
        if (deleted.status() == 200) {
          instance.elements.remove(elementId);
          instance.deletedElements.add(elementId);
          instance.deletionsInDoubt.remove(elementId);
        } else if (Ledger.inDoubt(deleted.status())) {
          instance.deletionsInDoubt.add(elementId);
        }
        return;
      }
    }
  }

  private void deleteInstance(PromisedInstance instance) {
    if (instance.softDeleted) {
      return;
    }
    Response response = app.delete(INSTANCES + "/" + instance.id);
    answered("delete instance", response.status());
    if (response.status() == 200) {
      instance.softDeleted = true;
      mine.remove(instance);
    } else if (Ledger.inDoubt(response.status())) {
      instance.softDeletionInDoubt = true;
    }
  }

  /** A multipart create with a part that is no data type: refused before anything is stored. */
  private void refusedCreate() {
    String marker = Instant.ofEpochSecond(4_000_000_000L + clientId * 1_000_000L + (++sequence)).toString();
    Response response = app.multipart(INSTANCES, new Multipart()
        .part("instance", "application/json",
            "{\"instanceOwner\":{\"partyId\":\"501337\"},\"dueBefore\":\"" + marker + "\"}")
        .part("logbook", "application/pdf", "log.pdf", randomBytes(128)));
    answered("refused create", response.status());
    ledger.refusedMarkers.add(marker);
  }

  private byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    return bytes;
  }

  /**
   * Records the answer; after a 5xx or none, pauses as a client would that is told to come back later, if briefly
   * (not the 5 s of Retry-After), so that a crashed Storage is not met with a spin of requests.
   */
  private void answered(String operation, int status) {
    ledger.answered(operation, status);
    if (status == 0 || Ledger.inDoubt(status)) {
      ServiceProcess.sleep(BACK_OFF.toMillis());
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
