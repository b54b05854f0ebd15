package no.instanceplatform.storage.web;

import no.instanceplatform.model.DataElement;
import no.instanceplatform.storage.instances.ETags;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every answer that is a data element carries its entity tag, for conditional writes. Instances are tagged by their
 * controllers ({@link ETags#answer}): their tag is their stored version, which the answer's body does not hold.
 */
@ControllerAdvice
class ETagAdvice implements ResponseBodyAdvice<Object> {

  @Override
  public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
      ServerHttpResponse response) {
    if (body instanceof DataElement element) {
      response.getHeaders().set(HttpHeaders.ETAG, ETags.of(element));
    }
    return body;
  }
}
