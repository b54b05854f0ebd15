package no.instanceplatform.bench;

import static no.instanceplatform.bench.BenchmarkOptions.PAGE_SIZE;
import static no.instanceplatform.bench.BenchmarkOptions.WALK_SIZE;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Times one query: page 1, page 2 and the deep page, at the API's default size of 100, in one warm-up round and then
 * the measured rounds. The deep page is reached as a client reaches it, by following continuation tokens: the walk
 * asks for pages of 1,000 (the largest size) until it has skipped every instance before the deep page, and its last
 * token, asked for a page of 100, gives exactly the deep page at size 100. A token is a signed position, not server
 * state, so the walk is done once and every round asks for the deep page with its token: on the emulator one walk
 * takes minutes (it scans the collection 100 times), and walking again would time nothing the rounds do not.
 */
final class QueryRunner {

  /**
   * A query to time.
   *
   * @param filter the query string without size and token, e.g. {@code org=ttd}
   * @param caller who asks, in words, for the report
   * @param token a fresh bearer token of the caller (tokens expire; each round takes one)
   */
  record Scenario(String name, String filter, String caller, Supplier<String> token, ExpectedOrder expected) {}

  /**
   * One round: times in milliseconds, what page 1 answered, and where in the expected order the deep page starts
   * (1-based).
   */
  record Round(double page1, double page2, double deepPage, long totalHits, int count, long deepPageStartsAt) {}

  /** The walk to the deep page: the token there, how many requests it took, and their summed time (ms). */
  record Walk(String token, int requests, double millis) {}

  private final QueryClient client;
  private final BenchmarkOptions options;
  private final PrintStream log;

  QueryRunner(QueryClient client, BenchmarkOptions options, PrintStream log) {
    this.client = client;
    this.options = options;
    this.log = log;
  }

  QueryResult run(Scenario scenario) {
    Checks checks = new Checks(scenario.expected());
    Walk walk = walk(scenario, checks);
    log.printf("  %s: walked to page %d in %d requests of up to %d (%.1f s)%n", scenario.name(), options.deepPage(),
        walk.requests(), WALK_SIZE, walk.millis() / 1e3);
    Round warmUp = round(scenario, checks, walk);
    log.printf("  %s: warm-up: page 1 %.1f ms, page %d %.1f ms%n", scenario.name(), warmUp.page1(),
        options.deepPage(), warmUp.deepPage());
    List<Round> rounds = new ArrayList<>();
    for (int r = 1; r <= options.rounds(); r++) {
      Round round = round(scenario, checks, walk);
      rounds.add(round);
      log.printf("  %s: round %d of %d: page 1 %.1f ms, page 2 %.1f ms, page %d %.1f ms%n", scenario.name(), r,
          options.rounds(), round.page1(), round.page2(), options.deepPage(), round.deepPage());
    }
    return QueryResult.of(scenario, rounds, walk, checks);
  }

  private Walk walk(Scenario scenario, Checks checks) {
    String bearer = scenario.token().get();
    long skipped = options.skipped();
    String token = null;
    long walked = 0;
    double millis = 0;
    int requests = 0;
    while (walked < skipped) {
      int size = (int) Math.min(WALK_SIZE, skipped - walked);
      QueryClient.Page page = client.page(scenario.filter(), size, token, bearer);
      checks.page("the walk's page after " + walked, page, walked, size);
      millis += page.millis();
      requests++;
      walked += page.guids().size();
      token = page.nextToken();
      if (token == null || page.guids().isEmpty()) {
        throw new IllegalStateException(scenario.name() + ": the walk ended after " + walked + " instances");
      }
    }
    return new Walk(token, requests, millis);
  }

  private Round round(Scenario scenario, Checks checks, Walk walk) {
    String bearer = scenario.token().get();
    QueryClient.Page first = client.page(scenario.filter(), PAGE_SIZE, null, bearer);
    checks.page("page 1", first, 0, PAGE_SIZE);
    QueryClient.Page second = client.page(scenario.filter(), PAGE_SIZE, first.nextToken(), bearer);
    checks.page("page 2", second, PAGE_SIZE, PAGE_SIZE);
    QueryClient.Page deep = client.page(scenario.filter(), PAGE_SIZE, walk.token(), bearer);
    checks.page("page " + options.deepPage(), deep, options.skipped(), PAGE_SIZE);
    long startsAt = deep.guids().isEmpty() ? 0 : scenario.expected().positionOf(deep.guids().getFirst());
    return new Round(first.millis(), second.millis(), deep.millis(), first.totalHits(), first.count(), startsAt);
  }
}
