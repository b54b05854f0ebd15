package no.instanceplatform.storage.web;

import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Every JSON body Jackson reads must be well-formed UTF-8 (RFC 8259 requires UTF-8; a body declaring another
 * charset is decoded by that charset instead). Only {@code @RequestBody} reads pass here: file uploads are bytes,
 * whatever their content type.
 */
@ControllerAdvice
class Utf8RequestBodies extends RequestBodyAdviceAdapter {

  @Override
  public boolean supports(MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return AbstractJacksonHttpMessageConverter.class.isAssignableFrom(converterType);
  }

  @Override
  public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    MediaType contentType = message.getHeaders().getContentType();
    Charset charset = contentType == null ? null : contentType.getCharset();
    if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
      return message;
    }
    return new HttpInputMessage() {
      @Override
      public InputStream getBody() throws java.io.IOException {
        return new WellFormedUtf8InputStream(message.getBody());
      }

      @Override
      public HttpHeaders getHeaders() {
        return message.getHeaders();
      }
    };
  }
}
