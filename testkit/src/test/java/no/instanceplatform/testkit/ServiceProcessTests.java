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
    List<String> launch = new ArrayList<>(ThisClassPath.of(Listener.class));
    launch.add(Integer.toString(port));
    ServiceProcess listener = ServiceProcess.start(new ServiceProcess.Spec("listener", "32m", List.of(), launch,
        null, Duration.ofSeconds(60)), port, ServiceProcess.temporaryDirectory("testkit-listener-"));
    assertThat(ServiceProcess.listens(port)).isTrue();

    int exitCode = listener.kill();

    assertThat(exitCode).as("128 + SIGKILL").isEqualTo(137);
    assertThat(listener.isAlive()).isFalse();
    assertThat(ServiceProcess.listens(port)).isFalse();
    assertThat(listener.stop()).isEqualTo(137);
    assertThat(listener.workDir()).exists();
    listener.close();
    assertThat(Files.exists(listener.workDir())).isFalse();
  }
}
