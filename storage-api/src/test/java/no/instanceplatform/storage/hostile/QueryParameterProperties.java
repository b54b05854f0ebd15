package no.instanceplatform.storage.hostile;

import static no.instanceplatform.storage.hostile.HostileTarget.APP_OWNER;
import static no.instanceplatform.storage.hostile.HostileTarget.USER;
import static no.instanceplatform.storage.hostile.HostileTarget.V1;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import no.instanceplatform.storage.support.RawHttp;

/**
 * Generated bad query strings at the instance query ({@code GET /instances}) and an instance's events: unknown
 * and repeated parameters, bad dates, booleans, sizes, tokens, party ids and app ids, and broken percent-encoding.
 * Each query holds at least one bad parameter, so every answer is a 400 problem.
 */
class QueryParameterProperties {

  private static final Set<String> KNOWN = Set.of("appId", "org", "instanceOwner.partyId", "process.currentTask",
      "process.isComplete", "process.ended", "process.endEvent", "lastChanged", "created", "visibleAfter", "dueBefore",
      "excludeConfirmedBy", "status.isArchived", "status.isSoftDeleted", "status.isHardDeleted", "size",
      "continuationToken", "order");
  private static final List<String> DATES = List.of("process.ended", "lastChanged", "created", "visibleAfter",
      "dueBefore");
  private static final List<String> BOOLEANS = List.of("process.isComplete", "status.isArchived",
      "status.isSoftDeleted", "status.isHardDeleted");
  private static final List<String> SINGLE = List.of("appId", "org", "instanceOwner.partyId", "process.isComplete",
      "status.isArchived", "size", "continuationToken", "order", "excludeConfirmedBy");

  private HostileTarget target;

  @BeforeProperty
  void aFreshInstance() {
    target = new HostileTarget();
  }

  @Property(tries = 200)
  void aQueryWithABadParameterIsRefused(@ForAll("badParameters") List<String> bad,
      @ForAll("goodParameters") List<String> good) {
    String query = "?org=ttd&" + String.join("&", good) + (good.isEmpty() ? "" : "&") + String.join("&", bad);

    RawHttp.Response response = target.send("GET", V1 + "/instances" + query, APP_OWNER, null, null);

    HostileTarget.assertRefused(query, response);
    assertThat(response.status()).as(query).isEqualTo(400);
  }

  @Property(tries = 100)
  void anEventsQueryWithABadDateIsRefused(@ForAll("badDates") String date,
      @ForAll("eventWindowBounds") String bound) {
    String query = "?" + bound + "=" + encode(date);

    RawHttp.Response response = target.send("GET", target.instance + "/events" + query, USER, null, null);

    HostileTarget.assertRefused(query, response);
    assertThat(response.status()).as(query).isEqualTo(400);
  }

  /** One to three bad parameters, each bad for a different reason. */
  @Provide
  Arbitrary<List<String>> badParameters() {
    Arbitrary<String> unknown = Arbitraries.strings().withCharRange('a', 'z').withChars('.', '_', '-', '[', ']')
        .ofMinLength(1).ofMaxLength(20).filter(name -> !KNOWN.contains(name))
        .map(name -> encode(name) + "=1");
    Arbitrary<String> repeated = Arbitraries.of(SINGLE).map(name -> name + "=a&" + name + "=b");
    Arbitrary<String> date = Combinators.combine(Arbitraries.of(DATES), badDates())
        .as((name, value) -> name + "=" + encode(value));
    Arbitrary<String> bool = Combinators.combine(Arbitraries.of(BOOLEANS), Arbitraries.strings().alpha()
        .ofMinLength(1).ofMaxLength(10).filter(v -> !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")))
        .as((name, value) -> name + "=" + value);
    Arbitrary<String> size = Arbitraries.oneOf(Arbitraries.integers().lessOrEqual(0).map(String::valueOf),
        Arbitraries.longs().greaterOrEqual(1001).map(String::valueOf), Arbitraries.of("1.5", "ten", "1e3", "0x10"))
        .map(value -> "size=" + encode(value));
    Arbitrary<String> token = Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(60)
        .map(value -> "continuationToken=" + encode(value));
    Arbitrary<String> party = Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
        Arbitraries.of("-1", "0", "01", "99999999999", "1 2", "1e5"))
        .map(value -> "instanceOwner.partyId=" + encode(value));
    Arbitrary<String> app = Arbitraries.of("ttd", "ttd/", "/app", "TTD/app", "ttd/app/x", "ttd/-a", "../..",
        "ttd/a b").map(value -> "appId=" + encode(value));
    Arbitrary<String> order = Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(20)
        .filter(v -> !v.equals("asc:lastChanged") && !v.equals("desc:lastChanged")).map(v -> "order=" + encode(v));
    Arbitrary<String> brokenEncoding = Arbitraries.of("org=%zz", "org=ttd%", "created=%2", "%=1", "size=%G0",
        "org=%C0%AF", "org=%FF%FE");
    return Arbitraries.oneOf(unknown, repeated, date, bool, size, token, party, app, order, brokenEncoding)
        .list().ofMinSize(1).ofMaxSize(3);
  }

  /** Valid filters, so that a bad one among good ones is found too. */
  @Provide
  Arbitrary<List<String>> goodParameters() {
    return Arbitraries.of("size=10", "process.isComplete=false", "created=gt:2020-01-01", "order=asc:lastChanged",
        "status.isArchived=false", "process.currentTask=Task_1").list().uniqueElements().ofMaxSize(3);
  }

  /**
   * Dates that no ISO 8601 reading accepts: out-of-range fields, unknown operators, garbage (with a letter no date
   * has), and empty values.
   */
  @Provide
  Arbitrary<String> badDates() {
    Arbitrary<String> outOfRange = Combinators.combine(Arbitraries.integers().between(0, 9999),
            Arbitraries.integers().between(13, 99), Arbitraries.integers().between(1, 28))
        .as((y, m, d) -> String.format("%04d-%02d-%02dT00:00:00Z", y, m, d));
    Arbitrary<String> badDay = Arbitraries.integers().between(32, 99).map(d -> "2024-01-" + d);
    Arbitrary<String> badTime = Arbitraries.integers().between(24, 99).map(h -> "2024-01-01T" + h + ":00:00Z");
    Arbitrary<String> badOffset = Arbitraries.integers().between(19, 99).map(h -> "2024-01-01T00:00:00+" + h + ":00");
    Arbitrary<String> unknownOperator = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5)
        .filter(op -> !Set.of("gt", "gte", "lt", "lte", "eq").contains(op.toLowerCase()))
        .map(op -> op + ":2024-01-01");
    Arbitrary<String> garbage = Arbitraries.strings().ascii().ofMaxLength(30).map(s -> "q" + s);
    Arbitrary<String> operatorGarbage = Arbitraries.of("gt:", "lt:", "eq:", "gte:lte:2024-01-01", "gt:tomorrow");
    return Arbitraries.oneOf(outOfRange, badDay, badTime, badOffset, unknownOperator, garbage, operatorGarbage);
  }

  @Provide
  Arbitrary<String> eventWindowBounds() {
    return Arbitraries.of("from", "to");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
