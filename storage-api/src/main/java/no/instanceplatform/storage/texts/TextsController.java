package no.instanceplatform.storage.texts;

import java.net.URI;
import no.instanceplatform.model.TextResource;
import no.instanceplatform.storage.applications.AppId;
import no.instanceplatform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The texts of an application, one resource per language. */
@RestController
@RequestMapping("/storage/api/v1/applications/{org}/{app}/texts")
class TextsController {

  private final TextService texts;

  TextsController(TextService texts) {
    this.texts = texts;
  }

  @PostMapping
  ResponseEntity<TextResource> create(@PathVariable String org, @PathVariable String app,
      @RequestBody TextResource body, Caller caller) {
    AppId appId = new AppId(org, app);
    TextResource stored = texts.create(appId, body, caller);
    URI location = URI.create("/storage/api/v1/applications/" + appId + "/texts/" + stored.language());
    return ResponseEntity.created(location).body(stored);
  }

  @GetMapping("/{language}")
  TextResource get(@PathVariable String org, @PathVariable String app, @PathVariable String language,
      Caller caller) {
    return texts.get(new AppId(org, app), language, caller);
  }

  @PutMapping("/{language}")
  TextResource replace(@PathVariable String org, @PathVariable String app, @PathVariable String language,
      @RequestBody TextResource body, Caller caller) {
    return texts.replace(new AppId(org, app), language, body, caller);
  }

  /** Answers 200 without a body, as Altinn does. */
  @DeleteMapping("/{language}")
  ResponseEntity<Void> delete(@PathVariable String org, @PathVariable String app, @PathVariable String language,
      Caller caller) {
    texts.delete(new AppId(org, app), language, caller);
    return ResponseEntity.ok().build();
  }
}
