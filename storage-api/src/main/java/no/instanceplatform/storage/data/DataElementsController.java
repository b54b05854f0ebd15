package no.instanceplatform.storage.data;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import no.instanceplatform.model.DataElement;
import no.instanceplatform.model.DataElementList;
import no.instanceplatform.security.Caller;
import no.instanceplatform.storage.instances.ETags;
import no.instanceplatform.storage.instances.IfMatch;
import no.instanceplatform.web.FileAnswers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The files of an instance: upload, download, replace, delete, their metadata and their lock. */
@RestController
@RequestMapping("/storage/api/v1/instances/{partyId}/{instanceGuid}")
class DataElementsController {

  private static final String IF_MATCH = HttpHeaders.IF_MATCH;

  private final DataElementService data;
  private final UploadReader uploads;

  DataElementsController(DataElementService data, UploadReader uploads) {
    this.data = data;
    this.uploads = uploads;
  }

  @PostMapping("/data")
  ResponseEntity<DataElement> create(Caller caller, @PathVariable long partyId, @PathVariable UUID instanceGuid,
      @RequestParam(required = false) String dataType, @RequestParam(required = false) List<UUID> refs,
      HttpServletRequest request) {
    DataElement created = data.create(caller, Long.toString(partyId), instanceGuid.toString(), dataType,
        refs == null ? null : refs.stream().map(UUID::toString).toList(), uploads.read(request));
    return ResponseEntity.created(URI.create(created.selfLinks().platform())).body(created);
  }

  /**
   * Writes the file in the request's own (virtual) thread. Not as a {@code StreamingResponseBody}: that hands the
   * writing to another thread and ends the request with an asynchronous dispatch, and about one download in 500 then
   * stalled until Tomcat's connection timeout (60 s) before its last bytes went out (docs/PERFORMANCE.md).
   */
  @GetMapping("/data/{dataGuid}")
  void download(Caller caller, @PathVariable long partyId, @PathVariable UUID instanceGuid,
      @PathVariable UUID dataGuid, HttpServletResponse response) throws IOException {
    DataElementService.DataFile file = data.read(caller, Long.toString(partyId), instanceGuid.toString(),
        dataGuid.toString());
    try (InputStream in = file.content().stream()) {
      DataElement element = file.element();
      response.setContentType((element.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM
          : MediaType.parseMediaType(element.contentType())).toString());
      response.setContentLengthLong(file.content().size());
      response.setHeader(HttpHeaders.ETAG, ETags.of(element));
      if (element.filename() != null) {
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(element.filename(), StandardCharsets.UTF_8).build().toString());
      }
      FileAnswers.write(in, response);
    }
  }

  @PutMapping("/data/{dataGuid}")
  DataElement replace(Caller caller, @PathVariable long partyId, @PathVariable UUID instanceGuid,
      @PathVariable UUID dataGuid, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
      HttpServletRequest request) {
    return data.replace(caller, IfMatch.dataElement(ifMatch, dataGuid.toString()), Long.toString(partyId),
        instanceGuid.toString(), dataGuid.toString(), uploads.read(request));
  }

  @DeleteMapping("/data/{dataGuid}")
  DataElement delete(Caller caller, @PathVariable long partyId, @PathVariable UUID instanceGuid,
      @PathVariable UUID dataGuid, @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
    return data.delete(caller, IfMatch.dataElement(ifMatch, dataGuid.toString()), Long.toString(partyId),
        instanceGuid.toString(), dataGuid.toString());
  }

  @GetMapping("/dataelements")
  DataElementList list(Caller caller, @PathVariable long partyId, @PathVariable UUID instanceGuid) {
    return new DataElementList(data.list(caller, Long.toString(partyId), instanceGuid.toString()));
  }

  @PutMapping("/dataelements/{dataGuid}")
  DataElement updateMetadata(Caller caller, @PathVariable long partyId, @PathVariable UUID instanceGuid,
      @PathVariable UUID dataGuid, @RequestBody(required = false) DataElement changes,
      @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
    return data.updateMetadata(caller, IfMatch.dataElement(ifMatch, dataGuid.toString()), Long.toString(partyId),
        instanceGuid.toString(), dataGuid.toString(), changes);
  }

  @PutMapping("/data/{dataGuid}/lock")
  ResponseEntity<DataElement> lock(Caller caller, @PathVariable long partyId, @PathVariable UUID instanceGuid,
      @PathVariable UUID dataGuid, @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
    DataElementService.Locking locking = data.lock(caller, IfMatch.dataElement(ifMatch, dataGuid.toString()),
        Long.toString(partyId), instanceGuid.toString(), dataGuid.toString());
    return ResponseEntity.status(locking.newlyLocked() ? HttpStatus.CREATED : HttpStatus.OK).body(locking.element());
  }

  @DeleteMapping("/data/{dataGuid}/lock")
  DataElement unlock(Caller caller, @PathVariable long partyId, @PathVariable UUID instanceGuid,
      @PathVariable UUID dataGuid, @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
    return data.unlock(caller, IfMatch.dataElement(ifMatch, dataGuid.toString()), Long.toString(partyId),
        instanceGuid.toString(), dataGuid.toString());
  }
}
