package no.instanceplatform.app.reliability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import no.instanceplatform.app.reliability.Ledger.PromisedInstance;
import no.instanceplatform.app.support.AppHttp;
import no.instanceplatform.app.support.AppHttp.Response;
import tools.jackson.databind.JsonNode;

/**
 * Compares what the ledger says every 2xx answer promised with what Storage holds, read as the app owner straight
 * from Storage: each instance, its data elements (no more, no fewer), each file's bytes by SHA-256, its deletion,
 * its process task, and the events that record each element; and that no refused request left an instance behind.
 * A change answered with a 5xx is in doubt ({@link PromisedInstance}): either outcome is accepted, nothing else.
 */
final class Audit {

  /** What the audit checked, and every discrepancy it found (none is the only good answer). */
  record Result(int instances, int elements, int blobs, int events, int refusedChecked, List<String> lost) {}

  private record Checked(int elements, int blobs) {}

  /** The sample app's tasks in the order its process passes them; null once it has ended. */
  private static final List<String> TASKS = Arrays.asList("Task_1", "Task_2", "Task_3", null);

  private final AppHttp storage;

  Audit(AppHttp storage) {
    this.storage = storage;
  }

  Result run(Ledger ledger) {
    List<String> lost = new ArrayList<>();
    int elements = 0;
    int blobs = 0;
    int events = 0;
    for (PromisedInstance promised : ledger.instances.values()) {
      String url = "/storage/api/v1/instances/" + promised.id;
      Response response = storage.get(url);
      if (response.status() != 200) {
        lost.add(promised.id + ": Storage answers " + response.status());
        continue;
      }
      JsonNode instance = response.json();
      Set<String> stored = new HashSet<>();
      instance.get("data").forEach(element -> stored.add(element.get("id").asString()));
      Checked checked = auditElements(url, promised, stored, lost);
      elements += checked.elements();
      blobs += checked.blobs();
      if (instance.at("/status/isSoftDeleted").asBoolean() != promised.softDeleted && !promised.softDeletionInDoubt) {
        lost.add(promised.id + ": isSoftDeleted " + instance.at("/status/isSoftDeleted") + ", promised "
            + promised.softDeleted);
      }
      JsonNode task = instance.at("/process/currentTask/elementId");
      String storedTask = task.isMissingNode() || task.isNull() ? null : task.asString();
      if (!Objects.equals(storedTask, promised.task)
          && !(promised.moveInDoubt && TASKS.indexOf(storedTask) > TASKS.indexOf(promised.task))) {
        lost.add(promised.id + ": at task " + storedTask + ", promised " + promised.task
            + (promised.moveInDoubt ? " or a later one" : ""));
      }
      if (storedTask == null && !instance.at("/status/isArchived").asBoolean()) {
        lost.add(promised.id + ": the process ended but the instance is not archived");
      }
      events += auditEvents(url, promised, stored, lost);
    }
    for (String marker : ledger.refusedMarkers) {
      Response page = storage.get("/storage/api/v1/instances?appId=test/sailor&dueBefore=eq:" + marker + "&size=1");
      if (page.status() != 200 || page.json().get("totalHits").asLong() != 0) {
        lost.add("a refused create (dueBefore " + marker + ") left " + page.text());
      }
    }
    return new Result(ledger.instances.size(), elements, blobs, events, ledger.refusedMarkers.size(), lost);
  }

  /**
   * The data elements are the promised ones with their bytes, give or take what is in doubt: an element whose
   * deletion is in doubt may be gone, and an element no answer promised must have the bytes of an upload in doubt
   * (each such upload accounts for one element at most). Answers how many elements and files were checked.
   */
  private Checked auditElements(String url, PromisedInstance promised, Set<String> stored, List<String> lost) {
    int elements = 0;
    int blobs = 0;
    for (var element : promised.elements.entrySet()) {
      if (!stored.contains(element.getKey())) {
        if (!promised.deletionsInDoubt.contains(element.getKey())) {
          lost.add(promised.id + ": data element " + element.getKey() + " is missing");
        }
        continue;
      }
      elements++;
      if (matches(url + "/data/" + element.getKey(), element.getValue())) {
        blobs++;
      } else {
        lost.add(promised.id + ": file " + element.getKey() + " is not there or has other bytes");
      }
    }
    List<String> uploadsInDoubt = new ArrayList<>(promised.uploadsInDoubt);
    for (String extra : stored) {
      if (promised.elements.containsKey(extra)) {
        continue;
      }
      Response file = storage.get(url + "/data/" + extra);
      elements++;
      if (file.status() == 200 && uploadsInDoubt.remove(LoadClient.sha256(file.bytes()))) {
        blobs++;
      } else {
        lost.add(promised.id + ": data element " + extra + " that no answer promised (" + file.status() + ")");
      }
    }
    return new Checked(elements, blobs);
  }

  private boolean matches(String fileUrl, String sha256) {
    Response file = storage.get(fileUrl);
    return file.status() == 200 && LoadClient.sha256(file.bytes()).equals(sha256);
  }

  /**
   * Every stored element has its Created event, and every deleted one (promised, or in doubt and gone) its Deleted
   * event; answers how many were checked.
   */
  private int auditEvents(String url, PromisedInstance promised, Set<String> stored, List<String> lost) {
    Response response = storage.get(url + "/events");
    if (response.status() != 200) {
      lost.add(promised.id + ": events answer " + response.status());
      return 0;
    }
    Set<String> created = new HashSet<>();
    Set<String> deleted = new HashSet<>();
    for (JsonNode event : response.json().get("instanceEvents")) {
      JsonNode dataId = event.get("dataId");
      if (dataId != null && !dataId.isNull()) {
        String type = event.get("eventType").asString();
        ("Created".equals(type) ? created : "Deleted".equals(type) ? deleted : new HashSet<String>())
            .add(dataId.asString());
      }
    }
    Set<String> gone = new HashSet<>(promised.deletedElements);
    promised.deletionsInDoubt.stream().filter(element -> !stored.contains(element)).forEach(gone::add);
    int checked = 0;
    for (String element : stored) {
      checked++;
      if (!created.contains(element)) {
        lost.add(promised.id + ": no Created event for data element " + element);
      }
    }
    for (String element : gone) {
      checked++;
      if (!deleted.contains(element)) {
        lost.add(promised.id + ": no Deleted event for data element " + element);
      }
    }
    return checked;
  }
}
