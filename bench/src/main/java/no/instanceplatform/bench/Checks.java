package no.instanceplatform.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The correctness checks of one query's pages: figures of a query that skips, repeats or reorders instances would
 * mean nothing. Every page must be full, hold exactly the instances at its positions of the expected order, carry
 * the exact total and link to a next page.
 */
final class Checks {

  private static final int MAX_FAILURES = 20;

  private final ExpectedOrder expected;
  private final List<String> failures = new ArrayList<>();
  private int pages;

  Checks(ExpectedOrder expected) {
    this.expected = expected;
  }

  /** Checks a page of {@code size} that must start after {@code skipped} instances of the order. */
  void page(String what, QueryClient.Page page, long skipped, int size) {
    pages++;
    if (page.count() != size || page.guids().size() != size) {
      fail(what + ": " + page.guids().size() + " instances (count " + page.count() + "), not a full page of " + size);
    } else if (!page.guids().equals(expected.slice(skipped, size))) {
      fail(what + ": not the instances at positions " + (skipped + 1) + " to " + (skipped + size) + " of the order");
    }
    if (page.totalHits() != expected.size()) {
      fail(what + ": totalHits " + page.totalHits() + ", but " + expected.size() + " instances match");
    }
    if (page.nextToken() == null) {
      fail(what + ": no next link, but more instances match");
    }
  }

  int pages() {
    return pages;
  }

  List<String> failures() {
    return List.copyOf(failures);
  }

  private void fail(String failure) {
    if (failures.size() < MAX_FAILURES) {
      failures.add(failure);
    }
  }
}
