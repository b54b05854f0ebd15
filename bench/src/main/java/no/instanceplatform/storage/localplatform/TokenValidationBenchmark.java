package no.instanceplatform.storage.localplatform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * Validating a local-platform test token (RS256 signature, lifetime, issuer) with the decoder Storage's local
 * platform configures, as every authenticated request does. In Storage's package (in the bench module), so that it
 * measures Storage's own decoder bean method rather than a copy of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenValidationBenchmark {

  private Path keyFolder;
  private JwtDecoder decoder;
  private String token;

  @Setup
  public void setUp() throws IOException {
    keyFolder = Files.createTempDirectory("bench-jwt-");
    LocalSigningKey key = LocalSigningKey.loadOrCreate(keyFolder.resolve("signing-key.jwk.json"));
    LocalTokenIssuer issuer = new LocalTokenIssuer(key, "http://127.0.0.1:5101/authentication/api/v1/openid/",
        Duration.ofHours(1), Clock.systemUTC());
    // With the validator platform-web adds in service (a token must carry an expiry), as Storage's decoder has it.
    JwtTimestampValidator expiryRequired = new JwtTimestampValidator();
    expiryRequired.setAllowEmptyExpiryClaim(false);
    decoder = new LocalPlatformConfiguration().localJwtDecoder(key, issuer, List.of(expiryRequired));
    token = issuer.userToken(LocalTestData.load().users().getFirst(), 2);
  }

  @TearDown
  public void tearDown() throws IOException {
    try (Stream<Path> files = Files.walk(keyFolder)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Benchmark
  public Jwt validate() {
    return decoder.decode(token);
  }
}
