package no.instanceplatform.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceProcessTests {

  @Test
  void aKilledServiceIsGoneAtOnceWithSigkillsExitCodeAndKeepsItsFolderUntilClosed() {
    int port = ServiceProcess.freePort();
    List<String> launch = new ArrayList<>(ServiceProcess.thisClassPath(MongoEmulator.class));
    launch.add(Integer.toString(port));
    ServiceProcess emulator = ServiceProcess.start(new ServiceProcess.Spec("emulator", "128m", List.of(), launch,
        null, Duration.ofSeconds(60)), port, ServiceProcess.temporaryDirectory("testkit-emulator-"));
    assertThat(ServiceProcess.listens(port)).isTrue();

    int exitCode = emulator.kill();

    assertThat(exitCode).as("128 + SIGKILL").isEqualTo(137);
    assertThat(emulator.isAlive()).isFalse();
    assertThat(ServiceProcess.listens(port)).isFalse();
    assertThat(emulator.stop()).isEqualTo(137);
    assertThat(emulator.workDir()).exists();
    emulator.close();
    assertThat(Files.exists(emulator.workDir())).isFalse();
  }
}
