package no.instanceplatform.storage.security;

import java.util.Set;
import no.instanceplatform.storage.common.StorageException;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives controller methods the {@link Caller}. Until token validation lands (the security issue), the caller
 * is declared in the {@code X-Caller} header: {@code user:{userId}:{partyId}:{authLevel}} or
 * {@code org:{org}[:{orgNumber}]}; no header means anonymous.
 */
@Component
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

  static final String HEADER = "X-Caller";

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return Caller.class.isAssignableFrom(parameter.getParameterType());
  }

  @Override
  public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
    return parse(webRequest.getHeader(HEADER));
  }

  static Caller parse(String header) {
    if (header == null || header.isBlank()) {
      return new Caller.Anonymous();
    }
    String[] parts = header.trim().split(":");
    try {
      if (parts[0].equals("user") && parts.length == 4) {
        return new Caller.User(Integer.parseInt(parts[1]), parts[2], Integer.parseInt(parts[3]));
      }
      if (parts[0].equals("org") && (parts.length == 2 || parts.length == 3)) {
        return new Caller.AppOwner(parts[1], parts.length == 3 ? parts[2] : null, Set.of());
      }
    } catch (NumberFormatException e) {
      // falls through to the refusal below
    }
    throw StorageException.invalid("The " + HEADER + " header must be 'user:{userId}:{partyId}:{authLevel}' or "
        + "'org:{org}[:{orgNumber}]'.");
  }
}
