package no.instanceplatform.app.data;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import no.instanceplatform.app.common.AppRuleException;
import no.instanceplatform.app.storageclient.DataClient.Upload;
import no.instanceplatform.app.storageclient.InstanceRef;
import no.instanceplatform.model.DataElement;
import no.instanceplatform.security.CallerAuthentication;
import no.instanceplatform.web.FileAnswers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An instance's data elements through the app: raw request bodies in, files streamed out. */
@RestController
@RequestMapping("/{org}/{app}/instances/{partyId}/{instanceGuid}/data")
class DataController {

  /** What a download passes on from Storage's answer. */
  private static final List<String> FILE_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH,
      HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.ETAG);

  private final DataService data;

  DataController(DataService data) {
    this.data = data;
  }

  @PostMapping
  ResponseEntity<DataElement> create(CallerAuthentication auth, @PathVariable String org, @PathVariable String app,
      @PathVariable long partyId, @PathVariable UUID instanceGuid,
      @RequestParam(required = false) String dataType, HttpServletRequest request) {
    DataElement created = data.create(auth, org, app, new InstanceRef(partyId, instanceGuid), dataType,
        upload(request));
    return ResponseEntity.created(URI.create(created.selfLinks().apps())).body(created);
  }

  @GetMapping("/{dataGuid}")
  void download(CallerAuthentication auth, @PathVariable String org, @PathVariable String app,
      @PathVariable long partyId, @PathVariable UUID instanceGuid, @PathVariable UUID dataGuid,
      HttpServletResponse response) throws IOException {
    data.read(auth, org, app, new InstanceRef(partyId, instanceGuid), dataGuid, (headers, content) -> {
      FILE_HEADERS.forEach(name -> {
        String value = headers.getFirst(name);
        if (value != null) {
          response.setHeader(name, value);
        }
      });
      FileAnswers.write(content, response);
      return null;
    });
  }

  @PutMapping("/{dataGuid}")
  DataElement replace(CallerAuthentication auth, @PathVariable String org, @PathVariable String app,
      @PathVariable long partyId, @PathVariable UUID instanceGuid, @PathVariable UUID dataGuid,
      HttpServletRequest request) {
    return data.replace(auth, org, app, new InstanceRef(partyId, instanceGuid), dataGuid, upload(request));
  }

  @DeleteMapping("/{dataGuid}")
  DataElement delete(CallerAuthentication auth, @PathVariable String org, @PathVariable String app,
      @PathVariable long partyId, @PathVariable UUID instanceGuid, @PathVariable UUID dataGuid) {
    return data.delete(auth, org, app, new InstanceRef(partyId, instanceGuid), dataGuid);
  }

  private static Upload upload(HttpServletRequest request) {
    String contentType = request.getContentType();
    if (contentType == null || contentType.isBlank()) {
      throw AppRuleException.invalid("The request needs a Content-Type header naming the file's content type.");
    }
    try {
      MediaType.parseMediaType(contentType);
      return new Upload(contentType, request.getHeader(HttpHeaders.CONTENT_DISPOSITION),
          request.getContentLengthLong(), request.getInputStream());
    } catch (InvalidMediaTypeException e) {
      throw AppRuleException.invalid("The Content-Type header '" + contentType + "' is not a media type.");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
