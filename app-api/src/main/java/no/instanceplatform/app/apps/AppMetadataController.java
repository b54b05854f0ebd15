package no.instanceplatform.app.apps;

import no.instanceplatform.model.Application;
import no.instanceplatform.model.TextResource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An app's metadata and texts, read anonymously as Altinn's apps serve them. */
@RestController
@RequestMapping("/{org}/{app}/api/v1")
class AppMetadataController {

  private final AppMetadataService metadata;

  AppMetadataController(AppMetadataService metadata) {
    this.metadata = metadata;
  }

  @GetMapping("/applicationmetadata")
  Application applicationMetadata(@PathVariable String org, @PathVariable String app) {
    return metadata.application(org, app);
  }

  @GetMapping("/texts/{language}")
  TextResource texts(@PathVariable String org, @PathVariable String app, @PathVariable String language) {
    return metadata.texts(org, app, language);
  }
}
