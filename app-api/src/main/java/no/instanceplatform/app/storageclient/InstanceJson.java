package no.instanceplatform.app.storageclient;

import no.instanceplatform.model.ReadStatus;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * An instance as Storage answered it: its JSON exactly as it came, to be passed on unchanged, and the two fields the
 * App API decides by. Binding the whole instance only to write it out again was half of the App API's CPU time in a
 * read; this reads {@code appId} and {@code status.readStatus} with Jackson's streaming parser and stops there.
 *
 * @param readStatus the instance's read status; {@link ReadStatus#Unread} when it has no status (as
 *     {@code Instance.statusOrInitial()}), null when the status has none or one this model does not know
 */
public record InstanceJson(byte[] json, String appId, ReadStatus readStatus) {

  /** Reads the fields from Storage's answer; a body that is not a JSON object is refused as Jackson refuses it. */
  static InstanceJson read(JsonMapper mapper, byte[] json) {
    if (json == null) {
      throw new IllegalStateException("Storage answered an instance without a body.");
    }
    try (JsonParser parser = mapper.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalStateException("Storage's answer is not an instance: it is not a JSON object.");
      }
      String appId = null;
      ReadStatus readStatus = ReadStatus.Unread;
      boolean appIdSeen = false;
      boolean statusSeen = false;
      // Storage writes appId third and status before the data elements: the rest is not read at all.
      while (!(appIdSeen && statusSeen) && parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("appId")) {
          appIdSeen = true;
          appId = value == JsonToken.VALUE_STRING ? parser.getString() : null;
        } else if (name.equals("status")) {
          statusSeen = true;
          readStatus = value == JsonToken.START_OBJECT ? readStatus(parser) : ReadStatus.Unread;
        } else {
          parser.skipChildren();
        }
      }
      return new InstanceJson(json, appId, readStatus);
    }
  }

  /** The status object's readStatus, the parser left at the object's end. */
  private static ReadStatus readStatus(JsonParser parser) {
    ReadStatus found = null;
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals("readStatus") && value == JsonToken.VALUE_STRING) {
        found = known(parser.getString());
      } else {
        parser.skipChildren();
      }
    }
    return found;
  }

  private static ReadStatus known(String name) {
    for (ReadStatus status : ReadStatus.values()) {
      if (status.name().equals(name)) {
        return status;
      }
    }
    return null;
  }
}
