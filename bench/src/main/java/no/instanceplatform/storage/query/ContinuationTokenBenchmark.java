package no.instanceplatform.storage.query;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import no.instanceplatform.storage.instances.Keyset;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signing and verifying a query's continuation token (HMAC-SHA256 over its JSON), which Storage does for every page
 * after the first. In Storage's package (in the bench module), because Storage builds its tokens there and nowhere
 * else needs to: this measures its very class, not a copy.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ContinuationTokenBenchmark {

  private static final String FINGERPRINT = "org=ttd";

  private ContinuationTokens tokens;
  private Keyset position;
  private String token;

  @Setup
  public void setUp() {
    tokens = new ContinuationTokens(new QueryProperties("bench-only-secret"), JsonMapper.builder().build());
    position = new Keyset(Instant.parse("2026-11-23T09:00:00.123Z"), "0b5d1a7e-4c3f-4e8a-9b1d-2f6c7a8e9d01");
    token = tokens.issue(FINGERPRINT, position, 112_000);
  }

  @Benchmark
  public String sign() {
    return tokens.issue(FINGERPRINT, position, 112_000);
  }

  @Benchmark
  public ContinuationTokens.Position verify() {
    return tokens.read(token, FINGERPRINT);
  }
}
