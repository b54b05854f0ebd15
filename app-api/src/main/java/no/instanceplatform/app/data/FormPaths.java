package no.instanceplatform.app.data;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The dotted paths a scan of form data keeps the values of, as a tree of their segments: a scan follows only the
 * branches that lead to one, and skips the rest of the form unread into memory.
 */
final class FormPaths {

  private final Map<String, FormPaths> children = new HashMap<>();
  private boolean wanted;
  private String path;

  private FormPaths() {}

  /**
   * The paths' tree; a path with an empty segment is refused as invalid, as {@link FormDocument#segments} does, and a
   * null path is the form's root, as there.
   */
  static FormPaths of(Collection<String> paths) {
    FormPaths root = new FormPaths();
    for (String path : paths) {
      FormPaths node = root;
      for (String segment : FormDocument.segments(path)) {
        node = node.children.computeIfAbsent(segment, name -> new FormPaths());
      }
      node.wanted = true;
      node.path = path;
    }
    return root;
  }

  /** The branch below this one named {@code name}; null when no path goes that way. */
  FormPaths child(String name) {
    return children.get(name);
  }

  /** Whether a path ends here. */
  boolean wanted() {
    return wanted;
  }

  /** The path that ends here, if {@link #wanted}. */
  String path() {
    return path;
  }

  /** Drops the values found so far below this branch (a later JSON property of the same name replaces them). */
  void forget(Map<String, String> values) {
    if (wanted) {
      values.remove(path);
    }
    children.values().forEach(child -> child.forget(values));
  }

  /** The values a scan kept (in a map that allows the null path). */
  record Found(Map<String, String> values) implements FormValues {

    @Override
    public Optional<String> value(String path) {
      return Optional.ofNullable(values.get(path));
    }
  }
}
