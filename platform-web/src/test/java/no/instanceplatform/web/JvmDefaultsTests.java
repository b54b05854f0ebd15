package no.instanceplatform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JvmDefaultsTests {

  private static final String KEY = "no.instanceplatform.web.JvmDefaultsTests.setting";

  @AfterEach
  void forget() {
    System.clearProperty(KEY);
  }

  @Test
  void aDefaultIsSetWhereNothingWasGiven() {
    JvmDefaults.setUnlessGiven(KEY, "32768");

    assertThat(System.getProperty(KEY)).isEqualTo("32768");
  }

  @Test
  void aValueGivenOnTheCommandLineWins() {
    System.setProperty(KEY, "65536");

    JvmDefaults.setUnlessGiven(KEY, "32768");

    assertThat(System.getProperty(KEY)).isEqualTo("65536");
  }
}
