package no.instanceplatform.storage.applications;

import java.net.URI;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.ApplicationList;
import no.instanceplatform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Application metadata: anonymous reads, and the writes an app deployment makes. */
@RestController
@RequestMapping(ApplicationsController.BASE)
class ApplicationsController {

  static final String BASE = "/storage/api/v1/applications";

  private final ApplicationService applications;

  ApplicationsController(ApplicationService applications) {
    this.applications = applications;
  }

  @GetMapping
  ApplicationList all(Caller caller) {
    return applications.list(null, caller);
  }

  @GetMapping("/{org}")
  ApplicationList ofOrg(@PathVariable String org, Caller caller) {
    return applications.list(org, caller);
  }

  @GetMapping("/{org}/{app}")
  Application one(@PathVariable String org, @PathVariable String app, Caller caller) {
    return applications.get(new AppId(org, app), caller);
  }

  /** A deployment posts the metadata of every release, so a second post replaces the first instead of failing. */
  @PostMapping
  ResponseEntity<Application> upsert(@RequestParam(required = false) String appId,
      @RequestBody Application application, Caller caller) {
    AppId id = AppId.parse(appId);
    Application stored = applications.upsert(id, application, caller);
    return ResponseEntity.created(URI.create(BASE + "/" + id)).body(stored);
  }

  @PutMapping("/{org}/{app}")
  Application replace(@PathVariable String org, @PathVariable String app, @RequestBody Application application,
      Caller caller) {
    return applications.replace(new AppId(org, app), application, caller);
  }

  @DeleteMapping("/{org}/{app}")
  Application delete(@PathVariable String org, @PathVariable String app,
      @RequestParam(defaultValue = "false") boolean hard, Caller caller) {
    return applications.delete(new AppId(org, app), hard, caller);
  }
}
