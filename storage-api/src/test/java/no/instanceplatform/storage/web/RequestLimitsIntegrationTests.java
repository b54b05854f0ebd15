package no.instanceplatform.storage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.RawHttp;
import no.instanceplatform.storage.support.StorageHttp;
import no.instanceplatform.storage.support.TestApplications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each request limit of application.yml is where it was set, and a request past it is a 4xx problem, never a 500 or
 * Tomcat's HTML page; a request just within it is served.
 */
class RequestLimitsIntegrationTests extends IntegrationTest {

  private static final String INSTANCES = "/storage/api/v1/instances";
  private static final String CREATE = INSTANCES + "?appId=ttd/test-app";
  private static final String OWNER = "\"instanceOwner\":{\"partyId\":\"501337\"}";

  @Autowired
  ApplicationStore applications;

  private String instance;

  @BeforeEach
  void anInstanceToUploadTo() {
    applications.upsert(TestApplications.ttdApp("test-app", null));
    instance = INSTANCES + "/" + create("\"dueBefore\":null").json().path("id").asString();
  }

  @Test
  void aHeaderBlockOverSixteenKilobytesIs431() {
    StorageHttp.Response refused = http.with("X-Padding", "x".repeat(16 * 1024)).get(INSTANCES + "?org=ttd");

    assertProblem(refused, 431, "header block is larger");
    assertThat(refused.json().path("type").asString()).isEqualTo("urn:instanceplatform:problem:headers-too-large");
    assertThat(http.with("X-Padding", "x".repeat(12 * 1024)).get(INSTANCES + "?org=ttd").status()).isEqualTo(200);
  }

  @Test
  void moreThanAHundredQueryParametersAre400() {
    assertProblem(http.get(INSTANCES + "?org=ttd" + "&process.currentTask=Task_1".repeat(100)), 400,
        "too many parameters");
    assertThat(http.get(INSTANCES + "?org=ttd" + "&process.currentTask=Task_1".repeat(99)).status()).isEqualTo(200);
  }

  @Test
  void aMalformedPercentEncodingInTheQueryIs400() {
    RawHttp raw = new RawHttp(port);
    Map<String, String> auth = Map.of("Authorization", "Bearer " + token(APP_OWNER));
    for (String query : List.of("?org=%zz", "?org=ttd&size=%", "?org=ttd&%=1")) {
      RawHttp.Response refused = raw.send("GET", INSTANCES + query, auth, null);
      assertThat(refused.status()).as(query + ": " + refused).isEqualTo(400);
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
      assertThat(refused.json().path("detail").asString()).contains("query string is malformed");
    }
  }

  @Test
  void jsonNestedDeeperThanThirtyTwoLevelsIs400() {
    assertProblem(create(nested(33)), 400, "nested too deeply");
    assertThat(create(nested(32)).status()).isEqualTo(201);
  }

  @Test
  void aJsonStringOfMoreThanAMillionCharactersIs400() {
    assertProblem(create("\"appId\":\"" + "a".repeat(1_000_001) + "\""), 400,
        "a string, number or name is too long");
    assertThat(create("\"appId\":\"" + "a".repeat(999_000) + "\"").status()).isEqualTo(201);
  }

  @Test
  void aJsonNumberOfMoreThanAHundredDigitsIs400() {
    assertProblem(create("\"x\":" + "1".repeat(101)), 400, "a string, number or name is too long");
    assertThat(create("\"x\":" + "1".repeat(100)).status()).isEqualTo(201);
  }

  @Test
  void aJsonNameOfMoreThanAThousandCharactersIs400() {
    assertProblem(create("\"" + "n".repeat(1001) + "\":1"), 400, "a string, number or name is too long");
    assertThat(create("\"" + "n".repeat(1000) + "\":1").status()).isEqualTo(201);
  }

  @Test
  void aJsonBodyOfMoreThanTenMillionCharactersIs413() {
    assertProblem(create("\"x\":[" + "1,".repeat(5_000_000) + "1]"), 413, "longer than the JSON limit");
  }

  @Test
  void aMultipartUploadOfMoreThanTenPartsIs413AndStoresNothing() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 11; i++) {
      body.append("--b\r\nContent-Disposition: form-data; name=\"f").append(i)
          .append("\"; filename=\"a.xml\"\r\nContent-Type: application/xml\r\n\r\n<a/>\r\n");
    }
    body.append("--b--\r\n");

    assertProblem(as(USER_1337).send("POST", instance + "/data?dataType=default", body.toString(),
        "multipart/form-data; boundary=b"), 413, "too many parts");
    assertThat(http.get(instance + "/dataelements").json().path("dataElements")).isEmpty();
  }

  /** A create whose body holds these members beside the owner (unknown members are read and skipped). */
  private StorageHttp.Response create(String members) {
    return as(USER_1337).send("POST", CREATE, "{" + OWNER + "," + members + "}", "application/json");
  }

  /** An unknown member whose value makes the body {@code depth} objects deep, the top one included. */
  private static String nested(int depth) {
    return "\"x\":" + "{\"x\":".repeat(depth - 1) + "1" + "}".repeat(depth - 1);
  }
}
