package no.instanceplatform.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The figures of one file size on one store: each measured round's times (milliseconds) for an upload and a
 * download through Storage and directly (the baseline), their medians, the throughput those medians make
 * (MB/s, 10^6 bytes a second) and Storage's throughput as a share of the baseline's.
 *
 * @param uploadRatio Storage's upload throughput over the baseline's (the median baseline time over Storage's)
 * @param filesChecked downloads compared byte for byte with what was uploaded, warm-up rounds included
 * @param cpuMsPerOperation per operation (upload or download, through Storage or direct): each watched process's
 *     mean CPU milliseconds per operation of the measured rounds ({@link OperationCpu}); empty when not measured
 */
record BlobResult(
    String store,
    long sizeBytes,
    int warmUpRounds,
    int rounds,
    double storageUploadMedianMs,
    double storageDownloadMedianMs,
    double baselineUploadMedianMs,
    double baselineDownloadMedianMs,
    double storageUploadMBps,
    double storageDownloadMBps,
    double baselineUploadMBps,
    double baselineDownloadMBps,
    double uploadRatio,
    double downloadRatio,
    int filesChecked,
    List<Double> storageUploadMs,
    List<Double> storageDownloadMs,
    List<Double> baselineUploadMs,
    List<Double> baselineDownloadMs,
    Map<String, Map<String, Double>> cpuMsPerOperation) {

  static BlobResult of(String store, long sizeBytes, int warmUpRounds, List<Double> storageUploadMs,
      List<Double> storageDownloadMs, List<Double> baselineUploadMs, List<Double> baselineDownloadMs,
      int filesChecked, Map<String, Map<String, Double>> cpuMsPerOperation) {
    double storageUp = median(storageUploadMs);
    double storageDown = median(storageDownloadMs);
    double baseUp = median(baselineUploadMs);
    double baseDown = median(baselineDownloadMs);
    return new BlobResult(store, sizeBytes, warmUpRounds, storageUploadMs.size(), round(storageUp, 2),
        round(storageDown, 2), round(baseUp, 2), round(baseDown, 2), mbps(sizeBytes, storageUp),
        mbps(sizeBytes, storageDown), mbps(sizeBytes, baseUp), mbps(sizeBytes, baseDown), round(baseUp / storageUp, 3),
        round(baseDown / storageDown, 3), filesChecked, rounded(storageUploadMs), rounded(storageDownloadMs),
        rounded(baselineUploadMs), rounded(baselineDownloadMs), cpuMsPerOperation);
  }

  boolean meets(double minRatio) {
    return uploadRatio >= minRatio && downloadRatio >= minRatio;
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double mbps(long bytes, double millis) {
    return round(bytes / 1e3 / millis, 1);
  }

  static List<Double> rounded(List<Double> values) {
    return values.stream().map(value -> round(value, 2)).toList();
  }

  static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
