package no.instanceplatform.app.reliability;

import java.util.ArrayList;
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
 */
final class Audit {

  /** What the audit checked, and every discrepancy it found (none is the only good answer). */
  record Result(int instances, int elements, int blobs, int events, int refusedChecked, List<String> lost) {}

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
      if (!stored.equals(promised.elements.keySet())) {
        lost.add(promised.id + ": data elements " + stored + ", promised " + promised.elements.keySet());
      }
      for (var element : promised.elements.entrySet()) {
        Response file = storage.get(url + "/data/" + element.getKey());
        elements++;
        if (file.status() != 200 || !LoadClient.sha256(file.bytes()).equals(element.getValue())) {
          lost.add(promised.id + ": file " + element.getKey() + " answers " + file.status() + " or other bytes");
        } else {
          blobs++;
        }
      }
      if (instance.at("/status/isSoftDeleted").asBoolean() != promised.softDeleted) {
        lost.add(promised.id + ": isSoftDeleted " + instance.at("/status/isSoftDeleted") + ", promised "
            + promised.softDeleted);
      }
      JsonNode task = instance.at("/process/currentTask/elementId");
      String storedTask = task.isMissingNode() || task.isNull() ? null : task.asString();
      if (!Objects.equals(storedTask, promised.task)) {
        lost.add(promised.id + ": at task " + storedTask + ", promised " + promised.task);
      }
      if (promised.task == null && !instance.at("/status/isArchived").asBoolean()) {
        lost.add(promised.id + ": the process ended but the instance is not archived");
      }
      events += auditEvents(url, promised, lost);
    }
    for (String marker : ledger.refusedMarkers) {
      Response page = storage.get("/storage/api/v1/instances?appId=test/sailor&dueBefore=eq:" + marker + "&size=1");
      if (page.status() != 200 || page.json().get("totalHits").asLong() != 0) {
        lost.add("a refused create (dueBefore " + marker + ") left " + page.text());
      }
    }
    return new Result(ledger.instances.size(), elements, blobs, events, ledger.refusedMarkers.size(), lost);
  }

  /** Every element has its Created event, every deleted one its Deleted event; answers how many were checked. */
  private int auditEvents(String url, PromisedInstance promised, List<String> lost) {
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
    int checked = 0;
    for (String element : promised.elements.keySet()) {
      checked++;
      if (!created.contains(element)) {
        lost.add(promised.id + ": no Created event for data element " + element);
      }
    }
    for (String element : promised.deletedElements) {
      checked++;
      if (!deleted.contains(element)) {
        lost.add(promised.id + ": no Deleted event for data element " + element);
      }
    }
    return checked;
  }
}
