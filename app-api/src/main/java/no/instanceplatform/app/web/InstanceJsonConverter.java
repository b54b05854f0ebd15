package no.instanceplatform.app.web;

import java.io.IOException;
import no.instanceplatform.app.storageclient.InstanceJson;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes an instance as Storage wrote it: its bytes unchanged, as {@code application/json} with their length, for
 * the same media types as Jackson's converter (which it precedes), so that content negotiation answers as before.
 * Never reads: an instance sent to the App API is bound as usual.
 */
final class InstanceJsonConverter extends AbstractHttpMessageConverter<InstanceJson> {

  InstanceJsonConverter() {
    super(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));
  }

  @Override
  protected boolean supports(Class<?> type) {
    return InstanceJson.class == type;
  }

  @Override
  public boolean canRead(Class<?> type, MediaType mediaType) {
    return false;
  }

  @Override
  protected InstanceJson readInternal(Class<? extends InstanceJson> type, HttpInputMessage input) {
    throw new HttpMessageNotReadableException("Storage's JSON of an instance is only written.", input);
  }

  @Override
  protected Long getContentLength(InstanceJson instance, MediaType contentType) {
    return (long) instance.json().length;
  }

  @Override
  protected void writeInternal(InstanceJson instance, HttpOutputMessage output) throws IOException {
    output.getBody().write(instance.json());
  }
}
