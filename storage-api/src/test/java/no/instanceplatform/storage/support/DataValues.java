package no.instanceplatform.storage.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Data values to grow an instance by a known amount. */
public final class DataValues {

  private DataValues() {}

  /** {@code count} keys and values, {@code prefix-00001: value-00001} and on: about 55 bytes each as stored. */
  public static Map<String, String> of(String prefix, int count) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      values.put(String.format("%s-%05d", prefix, i), String.format("value-%05d", i));
    }
    return values;
  }
}
