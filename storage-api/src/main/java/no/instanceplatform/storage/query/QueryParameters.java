package no.instanceplatform.storage.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import no.instanceplatform.storage.applications.AppId;
import no.instanceplatform.storage.common.StorageException;
import no.instanceplatform.storage.instances.DateRange;

/**
 * Reads the query string of {@code GET /instances} (Altinn's parameter names) into a typed request, refusing with
 * a detail that names the parameter whatever is malformed, unknown or given twice.
 */
final class QueryParameters {

  private static final Set<String> REPEATABLE = Set.of("process.ended", "lastChanged", "created", "visibleAfter",
      "dueBefore", "process.currentTask");
  private static final Set<String> KNOWN = Set.of("appId", "org", "instanceOwner.partyId", "process.currentTask",
      "process.isComplete", "process.ended", "process.endEvent", "lastChanged", "created", "visibleAfter", "dueBefore",
      "excludeConfirmedBy", "status.isArchived", "status.isSoftDeleted", "status.isHardDeleted", "size",
      "continuationToken", "order");

  private QueryParameters() {}

  static InstanceQueryRequest parse(Map<String, List<String>> parameters, String ownerIdentifierHeader) {
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      if (!KNOWN.contains(parameter.getKey())) {
        throw StorageException.invalid("The query parameter '" + parameter.getKey() + "' is not known.");
      }
      if (parameter.getValue().size() > 1 && !REPEATABLE.contains(parameter.getKey())) {
        throw StorageException.invalid("The query parameter '" + parameter.getKey() + "' is given more than once.");
      }
    }
    String appId = single(parameters, "appId");
    String org = single(parameters, "org");
    String partyId = single(parameters, "instanceOwner.partyId");
    if (appId != null) {
      AppId.parse(appId);
    }
    if (org != null) {
      AppId.requireValidOrg(org);
    }
    if (partyId != null && !partyId.matches("[1-9][0-9]{0,9}")) {
      throw StorageException.invalid("The instanceOwner.partyId '" + partyId + "' is not a party id.");
    }
    return new InstanceQueryRequest(org, appId, partyId, ownerIdentifier(ownerIdentifierHeader),
        currentTasks(parameters.get("process.currentTask")), bool(parameters, "process.isComplete"),
        date(parameters, "process.ended"), date(parameters, "lastChanged"), date(parameters, "created"),
        date(parameters, "visibleAfter"), date(parameters, "dueBefore"), single(parameters, "excludeConfirmedBy"),
        bool(parameters, "status.isArchived"), bool(parameters, "status.isSoftDeleted"),
        bool(parameters, "status.isHardDeleted"), ascending(single(parameters, "order")), size(parameters),
        single(parameters, "continuationToken"), fingerprint(parameters, ownerIdentifierHeader));
  }

  private static String single(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    String value = values.getFirst();
    if (value == null || value.isBlank()) {
      throw StorageException.invalid("The query parameter '" + name + "' is empty.");
    }
    return value.trim();
  }

  private static Boolean bool(Map<String, List<String>> parameters, String name) {
    String value = single(parameters, name);
    if (value == null) {
      return null;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw StorageException.invalid("The " + name + " value '" + value + "' is not true or false.");
    };
  }

  private static DateRange date(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    return values == null || values.isEmpty() ? null : DateFilters.parse(name, values);
  }

  /** Several tasks: the parameter repeated, or its values comma separated. */
  private static Set<String> currentTasks(List<String> values) {
    Set<String> tasks = new LinkedHashSet<>();
    if (values != null) {
      values.forEach(value -> Arrays.stream(value.split(",")).map(String::trim).filter(t -> !t.isEmpty())
          .forEach(tasks::add));
      if (tasks.isEmpty()) {
        throw StorageException.invalid("The query parameter 'process.currentTask' is empty.");
      }
    }
    return tasks;
  }

  private static boolean ascending(String order) {
    if (order == null || order.equals("desc:lastChanged")) {
      return false;
    }
    if (order.equals("asc:lastChanged")) {
      return true;
    }
    throw StorageException.invalid("The order '" + order + "' is not known: use asc:lastChanged or desc:lastChanged.");
  }

  private static int size(Map<String, List<String>> parameters) {
    return PageSize.parse(single(parameters, "size"));
  }

  private static InstanceQueryRequest.OwnerIdentifier ownerIdentifier(String header) {
    if (header == null) {
      return null;
    }
    String value = header.trim();
    if (value.matches("(?i)person:[0-9]{11}")) {
      return new InstanceQueryRequest.OwnerIdentifier(true, value.substring(value.indexOf(':') + 1));
    }
    if (value.matches("(?i)organisation:[0-9]{9}")) {
      return new InstanceQueryRequest.OwnerIdentifier(false, value.substring(value.indexOf(':') + 1));
    }
    throw StorageException.invalid("The X-Ai-InstanceOwnerIdentifier header must be 'Person:{11 digits}' or "
        + "'Organisation:{9 digits}'.");
  }

  /** Every condition in a canonical form; the page size and the token itself are left out. */
  private static String fingerprint(Map<String, List<String>> parameters, String ownerIdentifierHeader) {
    Map<String, List<String>> conditions = new TreeMap<>();
    parameters.forEach((name, values) -> {
      if (!name.equals("size") && !name.equals("continuationToken")) {
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(null);
        conditions.put(name, sorted);
      }
    });
    return conditions + "|" + (ownerIdentifierHeader == null ? "" : ownerIdentifierHeader.trim());
  }
}
