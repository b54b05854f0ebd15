package no.instanceplatform.app.data;

import java.util.Optional;

/** Values of form data by dotted path: a parsed {@link FormDocument}, or the few that a scan of it kept. */
public interface FormValues {

  /** The value at {@code path} as text; empty when there is none or it is not a single value. */
  Optional<String> value(String path);
}
