package no.instanceplatform.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.instanceplatform.testkit.ServiceProcess;

/**
 * A file larger than the services' heaps through the App API and Storage: uploaded as a certificate through the App
 * API (which streams it on to Storage, which streams it to the blob store), downloaded the same way, its SHA-256
 * compared; then both services must still be alive and must never have logged an {@code OutOfMemoryError}. Its
 * figures are each process's peak RSS meanwhile.
 *
 * @param sha256 what went up and what came back, when they are equal (the run fails otherwise)
 */
record MemoryScenario(long sizeMib, String serviceHeap, double uploadSeconds, double downloadSeconds, String sha256,
    Map<String, ProcessStats.Usage> processes) {

  static MemoryScenario run(BlobBenchmark.Session app, List<ServiceProcess> services, String serviceHeap, int sizeMib,
      ProcessStats stats, PrintStream log) {
    ProcessStats.Start start = stats.start();
    StreamedFile file = new StreamedFile(sizeMib * FileScenarios.MIB, 20261123L);
    long t = System.nanoTime();
    DataClient.Element element = app.client().upload(app.instance(), app.dataType(), app.type(), file.body(),
        app.token());
    double up = (System.nanoTime() - t) / 1e9;
    t = System.nanoTime();
    StreamedFile.Received received = app.client().download(app.instance(), element.id(), app.token(),
        StreamedFile::hash);
    double down = (System.nanoTime() - t) / 1e9;
    Map<String, ProcessStats.Usage> usage = stats.since(start);
    app.client().delete(app.instance(), element.id(), app.token());
    String sent = file.sentSha256();
    if (element.size() != file.size() || received.size() != file.size() || !received.sha256().equals(sent)) {
      throw new IllegalStateException(String.format(Locale.ROOT, "The %d MiB file came back wrong: recorded %d "
          + "bytes, received %d bytes, SHA-256 %s, sent %s", sizeMib, element.size(), received.size(),
          received.sha256(), sent));
    }
    for (ServiceProcess service : services) {
      if (!service.isAlive() || service.log().contains("OutOfMemoryError")) {
        throw new IllegalStateException(service.name() + " died or ran out of memory with -Xmx" + serviceHeap
            + ":\n" + ServiceProcess.tail(service.log(), 4_000));
      }
    }
    MemoryScenario result = new MemoryScenario(sizeMib, serviceHeap, Side.round(up, 2), Side.round(down, 2), sent,
        usage);
    log.printf(Locale.ROOT, "  %d MiB through the App API with -Xmx%s: up %.1f s, down %.1f s, SHA-256 equal; peak "
        + "RSS: %s%n", sizeMib, serviceHeap, up, down, result.peaks());
    return result;
  }

  /** Each process's peak RSS, e.g. {@code storage 472 MiB, app-api 251 MiB}. */
  String peaks() {
    return String.join(", ", processes.entrySet().stream().map(entry -> String.format(Locale.ROOT, "%s %.0f MiB",
        entry.getKey(), entry.getValue().peakRssMib())).toList());
  }
}
