package no.instanceplatform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class ValidatedTokenCacheTests {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private final List<String> validations = new ArrayList<>();
  private Instant now = NOW;
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };

  /** Tokens named {@code good-*} are valid for an hour from NOW, {@code short-*} for ten seconds, others are bad. */
  private final JwtDecoder validator = token -> {
    validations.add(token);
    if (!token.startsWith("good-") && !token.startsWith("short-")) {
      throw new BadJwtException("bad signature");
    }
    return Jwt.withTokenValue(token).header("alg", "RS256").claim("sub", token).issuedAt(NOW)
        .expiresAt(NOW.plusSeconds(token.startsWith("good-") ? 3600 : 10)).build();
  };

  private final ValidatedTokenCache cache = new ValidatedTokenCache(validator, clock);

  @Test
  void theSameTokenIsValidatedOnceWithinAMinute() {
    Jwt first = cache.decode("good-a");
    now = NOW.plusSeconds(59);

    assertThat(cache.decode("good-a")).isSameAs(first);
    assertThat(validations).containsExactly("good-a");
  }

  @Test
  void aTokenIsValidatedAgainAfterAMinuteAndAnotherTokenOnItsOwn() {
    cache.decode("good-a");
    cache.decode("good-b");
    now = NOW.plus(ValidatedTokenCache.MAX_AGE);

    cache.decode("good-a");

    assertThat(validations).containsExactly("good-a", "good-b", "good-a");
  }

  @Test
  void aTokenIsNeverTakenFromTheCachePastItsExpiry() {
    cache.decode("short-a");
    now = NOW.plusSeconds(10);

    cache.decode("short-a");

    assertThat(validations).containsExactly("short-a", "short-a");
  }

  @Test
  void aTokenThatFailsIsCheckedAgainEveryTime() {
    assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);

    assertThat(validations).containsExactly("forged", "forged");
  }

  @Test
  void aFullCacheStartsOverRatherThanGrowing() {
    for (int i = 0; i <= ValidatedTokenCache.MAX_ENTRIES; i++) {
      cache.decode("good-" + i);
    }
    validations.clear();

    cache.decode("good-" + ValidatedTokenCache.MAX_ENTRIES);
    cache.decode("good-0");

    assertThat(validations).as("the last one kept, the first one forgotten").containsExactly("good-0");
  }
}
