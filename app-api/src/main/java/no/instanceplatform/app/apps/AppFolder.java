package no.instanceplatform.app.apps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.instanceplatform.app.process.BpmnParser;
import no.instanceplatform.app.process.InvalidProcessException;
import no.instanceplatform.app.process.ProcessDefinition;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.TextResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the apps folder, laid out as an Altinn app repository per app: {@code {org}/{app}/config/...} and the data
 * models' JSON schemas in {@code {org}/{app}/models/}. Resource
 * patterns rather than file walks, so that the folder packaged in the jar is read the same way as one on disk.
 */
final class AppFolder {

  private static final Pattern METADATA = Pattern.compile(".*/([^/]+)/([^/]+)/config/applicationmetadata\\.json$");
  private static final Pattern TEXTS = Pattern.compile(".*/resource\\.([a-z]{2})\\.json$");
  private static final Pattern MODEL = Pattern.compile(".*/models/([^/]+)\\.schema\\.json$");

  private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
  private final String base;
  private final JsonMapper json;

  AppFolder(String appsDir, JsonMapper json) {
    this.base = location(appsDir);
    this.json = json;
  }

  /** {@code classpath:} and {@code file:} locations as they are; anything else is a file system path. */
  static String location(String appsDir) {
    String dir = appsDir.endsWith("/") ? appsDir : appsDir + "/";
    if (dir.startsWith("classpath:")) {
      return "classpath*:" + dir.substring("classpath:".length());
    }
    return dir.startsWith("file:") || dir.startsWith("classpath*:") ? dir
        : Path.of(dir).toAbsolutePath().toUri().toString();
  }

  String base() {
    return base;
  }

  List<HostedApp> read() {
    List<HostedApp> apps = new ArrayList<>();
    for (Resource metadata : resources("*/*/config/applicationmetadata.json")) {
      Matcher names = METADATA.matcher(uri(metadata));
      if (names.matches()) {
        apps.add(read(names.group(1), names.group(2), metadata));
      }
    }
    return apps;
  }

  private HostedApp read(String org, String app, Resource metadataFile) {
    String config = org + "/" + app + "/config/";
    Map<String, TextResource> texts = new TreeMap<>();
    for (Resource file : resources(config + "texts/resource.*.json")) {
      Matcher language = TEXTS.matcher(uri(file));
      if (language.matches()) {
        TextResource read = parse(file, TextResource.class);
        // The language is the file's: a file that names none (or another) would otherwise be registered wrongly.
        texts.put(language.group(1), new TextResource(null, null, language.group(1), read.resources()));
      }
    }
    Resource[] process = resources(config + "process/process.bpmn");
    return new HostedApp(org, app, parse(metadataFile, Application.class), texts,
        process.length > 0 ? parseProcess(process[0]) : null, models(org + "/" + app + "/models/"));
  }

  /** The JSON schemas of the app's data models, {@code models/{dataTypeId}.schema.json}, by data type id. */
  private Map<String, JsonNode> models(String folder) {
    Map<String, JsonNode> models = new TreeMap<>();
    for (Resource file : resources(folder + "*.schema.json")) {
      Matcher dataType = MODEL.matcher(uri(file));
      if (dataType.matches()) {
        models.put(dataType.group(1), parse(file, JsonNode.class));
      }
    }
    return models;
  }

  private Resource[] resources(String pattern) {
    try {
      return resolver.getResources(base + pattern);
    } catch (IOException e) {
      // A folder that does not exist holds no apps; only a folder that cannot be read is an error.
      if (e instanceof java.io.FileNotFoundException) {
        return new Resource[0];
      }
      throw new UncheckedIOException("Cannot read the apps folder " + base, e);
    }
  }

  private static ProcessDefinition parseProcess(Resource file) {
    try (InputStream in = file.getInputStream()) {
      return BpmnParser.parse(in);
    } catch (InvalidProcessException e) {
      throw new IllegalStateException("The process file " + uri(file) + " is not valid: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + uri(file), e);
    }
  }

  private <T> T parse(Resource file, Class<T> type) {
    try (InputStream in = file.getInputStream()) {
      return json.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + uri(file), e);
    }
  }

  private static String uri(Resource resource) {
    try {
      return resource.getURL().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
