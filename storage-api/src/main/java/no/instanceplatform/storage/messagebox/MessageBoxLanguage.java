package no.instanceplatform.storage.messagebox;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.instanceplatform.storage.common.StorageException;

/**
 * The languages the message box shows app titles in, and how a title is chosen: the requested language, then
 * bokmål, then English, then whatever the app has.
 */
enum MessageBoxLanguage {
  NB("nb"),
  EN("en"),
  /** Nynorsk: Altinn's documentation says {@code nn-NO}, its apps write {@code nn}; both are asked for. */
  NN("nn-NO", "nn");

  private final List<String> keys;

  MessageBoxLanguage(String... keys) {
    this.keys = List.of(keys);
  }

  /** The language of a request's {@code language} parameter; none means bokmål, as in Altinn. */
  static MessageBoxLanguage parse(String language) {
    if (language == null || language.isBlank()) {
      return NB;
    }
    return switch (language.trim().toLowerCase(Locale.ROOT)) {
      case "nb" -> NB;
      case "en" -> EN;
      case "nn", "nn-no" -> NN;
      default -> throw StorageException.invalid("The language '" + language
          + "' is not supported: use en, nb, nn-NO or nn.");
    };
  }

  /** The app's title in this language, falling back to nb, en and then the first title it has (null: none). */
  String titleOf(Map<String, String> titles) {
    if (titles == null || titles.isEmpty()) {
      return null;
    }
    for (MessageBoxLanguage language : List.of(this, NB, EN)) {
      for (String key : language.keys) {
        String title = find(titles, key);
        if (title != null) {
          return title;
        }
      }
    }
    return titles.values().stream().filter(t -> t != null && !t.isBlank()).findFirst().orElse(null);
  }

  private static String find(Map<String, String> titles, String key) {
    return titles.entrySet().stream()
        .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(key))
        .map(Map.Entry::getValue)
        .filter(t -> t != null && !t.isBlank())
        .findFirst().orElse(null);
  }
}
