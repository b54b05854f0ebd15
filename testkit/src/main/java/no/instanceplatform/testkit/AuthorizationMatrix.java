package no.instanceplatform.testkit;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.aggregator.ArgumentsAccessor;

/**
 * One row of a service's authorization matrix ({@code name | method | path | body | one status per caller}, a CSV
 * in the service's test resources): the endpoint is called once by every kind of caller, and each answer must have
 * exactly the status of its cell, and be an RFC 9457 problem when it is a refusal. The service's test says how to
 * make a caller's call.
 */
public final class AuthorizationMatrix {

  /** Where the statuses start in a row, after the name, the method, the path and the body. */
  private static final int FIRST_STATUS = 4;
  /** The party a representative acts for; every other caller's instance is its own party's. */
  private static final String REPRESENTED_PARTY = "500000";
  private static final String OWN_PARTY = "501337";

  private AuthorizationMatrix() {}

  /** An answer, as much as the matrix checks of it. */
  public record Answer(int status, String contentType, String description) {}

  /** One caller's call of the row's endpoint, on an instance of {@code party}. */
  @FunctionalInterface
  public interface Call {
    Answer call(String caller, String party, String method, String path, String body);
  }

  /** Calls the row's endpoint as each of {@code callers} (the columns, in order); fails with every mismatch. */
  public static void check(ArgumentsAccessor row, List<String> callers, Call call) {
    List<String> mismatches = new ArrayList<>();
    for (int column = 0; column < callers.size(); column++) {
      String caller = callers.get(column);
      int expected = row.getInteger(FIRST_STATUS + column);
      String party = caller.equals("representative") ? REPRESENTED_PARTY : OWN_PARTY;
      Answer answer = call.call(caller, party, row.getString(1), row.getString(2), row.getString(3));
      if (answer.status() != expected) {
        mismatches.add(caller + ": expected " + expected + " but was " + answer.description());
      } else if (answer.status() >= 400
          && (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json"))) {
        mismatches.add(caller + ": a refusal that is no problem document: " + answer.description());
      }
    }
    if (!mismatches.isEmpty()) {
      throw new AssertionError(row.getString(0) + ":\n" + String.join("\n", mismatches));
    }
  }
}
