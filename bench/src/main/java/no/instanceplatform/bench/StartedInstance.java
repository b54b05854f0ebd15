package no.instanceplatform.bench;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the App API stores for a new instance beyond Storage's create, taken from one it made: the process state with
 * the events of its start, and the first task's form data. Made again through Storage's API, as a client that talks
 * to Storage directly would make the same instance, it is the baseline of the App API's create: the same calls to
 * Storage (the create, the process with its events, each form, the read of the result), without the App API.
 *
 * @param processUpdate the body of {@code PUT .../process/instanceandevents}: the state and the process events, with
 *     the ids Storage gives left out
 * @param forms the data elements, in the order the App API created them
 */
record StartedInstance(String processUpdate, List<Form> forms) {

  /** A data element's type, content type and bytes. */
  record Form(String dataType, String contentType, byte[] content) {}

  /**
   * Reads instance {@code instanceId}, which the App API has just created, from Storage. Fails when it holds more
   * than this replays: presentation texts or data values would be one more call to Storage each.
   */
  static StartedInstance of(DataClient storage, String instanceId, String token) {
    JsonNode instance = storage.getInstance(instanceId, token);
    if (!instance.path("presentationTexts").isNull() || !instance.path("dataValues").isNull()) {
      throw new IllegalStateException("Instance " + instanceId + " has presentation texts or data values, which the"
          + " baseline of the App API's create does not store");
    }
    ObjectNode update = JsonNodeFactory.instance.objectNode();
    update.set("state", instance.path("process"));
    ArrayNode events = update.putArray("events");
    for (JsonNode event : storage.events(instanceId, token).path("instanceEvents")) {
      if (event.hasNonNull("processInfo")) {
        ObjectNode reported = (ObjectNode) event.deepCopy();
        reported.remove(List.of("id", "instanceId", "instanceOwnerPartyId"));
        events.add(reported);
      }
    }
    List<Form> forms = new ArrayList<>();
    for (JsonNode element : instance.path("data")) {
      forms.add(new Form(element.path("dataType").asString(), element.path("contentType").asString(),
          storage.download(instanceId, element.path("id").asString(), token, body -> body.readAllBytes())));
    }
    return new StartedInstance(update.toString(), List.copyOf(forms));
  }

  /**
   * Makes the same instance of {@code appId} through {@code storage}, answering its id; checks that the instance
   * read at the end has the process and the forms.
   */
  String createThrough(DataClient storage, String appId, String token) {
    String id = storage.createInstance(appId, token);
    storage.updateProcess(id, processUpdate, token);
    for (Form form : forms) {
      storage.upload(id, form.dataType(), new DataClient.FileType(form.contentType(), null),
          HttpRequest.BodyPublishers.ofByteArray(form.content()), token);
    }
    JsonNode instance = storage.getInstance(id, token);
    if (instance.path("data").size() != forms.size() || !instance.path("process").path("currentTask").isObject()) {
      throw new IllegalStateException("Instance " + id + " made through Storage lacks its process or its forms");
    }
    return id;
  }
}
