package no.instanceplatform.testkit;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.jar.JarFile;

/** The launch of a main class of this very program, for a {@link ServiceProcess} of its own. */
public final class ThisClassPath {

  private ThisClassPath() {}

  /**
   * The launch of {@code main} on this JVM's own class path: from the bench jar (a Spring Boot jar, whose classes
   * are nested) through Boot's launcher, otherwise (the tests, an IDE) on the class path as it is.
   */
  public static List<String> of(Class<?> main) {
    String classPath = System.getProperty("java.class.path");
    if (isBootJar(classPath)) {
      return List.of("-Dloader.main=" + main.getName(), "-cp", classPath,
          "org.springframework.boot.loader.launch.PropertiesLauncher");
    }
    return List.of("-cp", classPath, main.getName());
  }

  private static boolean isBootJar(String classPath) {
    if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
      return false;
    }
    try (JarFile jar = new JarFile(classPath)) {
      return jar.getEntry("BOOT-INF/classes/") != null;
    } catch (IOException e) {
      return false;
    }
  }
}
