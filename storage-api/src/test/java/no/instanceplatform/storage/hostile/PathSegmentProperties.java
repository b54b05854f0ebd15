package no.instanceplatform.storage.hostile;

import static no.instanceplatform.storage.hostile.HostileTarget.APP_OWNER;
import static no.instanceplatform.storage.hostile.HostileTarget.USER;
import static no.instanceplatform.storage.hostile.HostileTarget.V1;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeProperty;
import no.instanceplatform.storage.support.RawHttp;

/**
 * Generated bad party ids and GUIDs in the paths of the instance, data element, event, process and message box
 * endpoints, reads and writes. None names the instance there is, so every answer is a 4xx problem (400 for a
 * malformed segment, 404 for a well-formed one that names nothing) and nothing changes.
 */
class PathSegmentProperties {

  /** An endpoint's method and path, {@code {party}}, {@code {guid}} and {@code {data}} to be filled in. */
  record Route(String method, String path, String caller) {

    String with(String party, String guid, String data) {
      return path.replace("{party}", party).replace("{guid}", guid).replace("{data}", data);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private static final String ONE = V1 + "/instances/{party}/{guid}";
  static final List<Route> ROUTES = List.of(
      new Route("GET", ONE, USER), new Route("DELETE", ONE, USER),
      new Route("PUT", ONE + "/readstatus?status=Read", USER), new Route("POST", ONE + "/complete", APP_OWNER),
      new Route("GET", ONE + "/events", USER), new Route("DELETE", ONE + "/events", APP_OWNER),
      new Route("GET", ONE + "/dataelements", USER), new Route("GET", ONE + "/data/{data}", USER),
      new Route("DELETE", ONE + "/data/{data}", USER), new Route("PUT", ONE + "/data/{data}/lock", USER),
      new Route("GET", ONE + "/process/history", USER),
      new Route("GET", V1 + "/sbl/instances/{party}/{guid}", USER),
      new Route("PUT", V1 + "/sbl/instances/{party}/{guid}/undelete", USER));

  private HostileTarget target;

  @BeforeProperty
  void aFreshInstance() {
    target = new HostileTarget();
  }

  @Property(tries = 200)
  void aBadPartyIdOrGuidIsRefusedAndChangesNothing(@ForAll("routes") Route route, @ForAll("parties") String party,
      @ForAll("guids") String guid) {
    String path = route.with(party, guid, target.dataGuid);
    assertRefusedAndUnchanged(route, path);
  }

  @Property(tries = 100)
  void aBadDataGuidOfTheRealInstanceIsRefusedAndChangesNothing(@ForAll("dataRoutes") Route route,
      @ForAll("guids") String data) {
    String path = route.with("501337", target.instanceGuid, data);
    assertRefusedAndUnchanged(route, path);
  }

  private void assertRefusedAndUnchanged(Route route, String path) {
    Statistics.label("endpoint").collect(route.toString());
    Map<String, Object> before = target.snapshot();

    RawHttp.Response response = target.send(route.method(), path, route.caller(), null, null);

    HostileTarget.assertRefused(route.method() + " " + path, response);
    assertThat(response.status()).as(path).isIn(400, 404);
    assertThat(target.snapshot()).as(path).isEqualTo(before);
  }

  @Provide
  Arbitrary<Route> routes() {
    return Arbitraries.of(ROUTES);
  }

  @Provide
  Arbitrary<Route> dataRoutes() {
    return Arbitraries.of(ROUTES.stream().filter(route -> route.path().contains("{data}")).toList());
  }

  /** Party ids that are malformed, or well-formed but not the owner's (encoded, so they reach Storage as given). */
  @Provide
  Arbitrary<String> parties() {
    Arbitrary<String> hostile = Arbitraries.of("-1", "0", "00", "-501337", "501337.0", "5e5", "0x1F",
        "99999999999999999999", "9223372036854775808", "512345", "1", " 501337", "501337 ", "٥٠١٣٣٧", "null");
    Arbitrary<String> letters = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(30);
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25)
        .filter(d -> !d.replaceFirst("^0+", "").equals("501337"));
    return Arbitraries.oneOf(hostile, letters, digits).map(PathSegmentProperties::encode);
  }

  /** GUIDs that are malformed, or well-formed and naming nothing. */
  @Provide
  Arbitrary<String> guids() {
    Arbitrary<String> nearly = Arbitraries.strings().withCharRange('0', '9').withCharRange('a', 'z')
        .withChars('-', '{', '}').ofMinLength(1).ofMaxLength(40);
    Arbitrary<String> unknown = Arbitraries.create(UUID::randomUUID).map(UUID::toString);
    Arbitrary<String> shapes = Arbitraries.of("00000000-0000-0000-0000-000000000000",
        "{" + UUID.randomUUID() + "}", UUID.randomUUID().toString().replace("-", ""),
        UUID.randomUUID().toString().toUpperCase() + "0", "' OR '1'='1", "$where", "%00", "..", ".");
    Arbitrary<String> anything = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(50);
    return Arbitraries.oneOf(nearly, unknown, shapes, anything).map(PathSegmentProperties::encode);
  }

  /** Percent-encoded as a path segment: every byte but the unreserved ones. */
  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
