package org.cutover.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.cutover.directory.DirectoryProblem;
import org.cutover.directory.DirectoryQuery;
import org.cutover.directory.DirectoryReader;
import org.cutover.directory.Discovery;
import org.cutover.migration.RejectedSettings;
import org.cutover.migration.SettingsProblem;
import org.cutover.migration.recipients.RecipientStore;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/directory", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
    name = "Directory",
    description =
        "Read the organisation's recipients from Active Directory or LDAP and propose a batch")
class DirectoryController {

  private final DirectoryReader reader;
  private final RecipientStore recipients;
  private final SecretStore secrets;
  private final Validator validator;

  DirectoryController(
      DirectoryReader reader, RecipientStore recipients, SecretStore secrets, Validator validator) {
    this.reader = reader;
    this.recipients = recipients;
    this.secrets = secrets;
    this.validator = validator;
  }

  @Schema(description = "Where to read the recipients of a domain")
  record DiscoveryRequest(
      @Schema(description = "The mail domain to migrate", example = "contoso.com")
          @NotBlank(message = "{cutover.domain.missing}")
          @Pattern(
              regexp =
                  "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+",
              message = "{cutover.domain}")
          String domain,
      @Schema(
              description =
                  "ldaps://host:636, or ldap://host:389 (StartTLS; no TLS only with"
                      + " allowPlaintext)",
              example = "ldaps://dc1.contoso.com")
          @NotBlank(message = "{cutover.directory.setting.missing}")
          @Size(max = 500)
          String url,
      @Schema(
              description = "The reading account",
              example = "CN=svc-cutover,OU=Service,DC=contoso,DC=com")
          @NotBlank(message = "{cutover.directory.setting.missing}")
          @Size(max = 1000)
          String bindDn,
      @Schema(
              description =
                  "Id of the stored password of the reading account (POST /api/credentials)")
          @NotBlank(message = "{cutover.directory.setting.missing}")
          @Size(max = 36)
          String credentialId,
      @Schema(description = "Where the search starts", example = "DC=contoso,DC=com")
          @NotBlank(message = "{cutover.directory.setting.missing}")
          @Size(max = 1000)
          String baseDn,
      @Schema(
              description = "LDAP filter; default " + DirectoryQuery.DEFAULT_FILTER,
              example = DirectoryQuery.DEFAULT_FILTER)
          @Size(max = 2000)
          String filter,
      @Schema(description = "Read an ldap:// URL without TLS (default false: StartTLS)")
          boolean allowPlaintext) {}

  @PostMapping(path = "/discover", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Read the recipients and get the proposed batch",
      description =
          "Reads the directory, stores what it found as a discovery, and returns the proposed"
              + " mailboxes (to copy into a new migration's mailboxes, with discoveryId), the"
              + " mailboxes left out with the reason, and every recipient by kind")
  @ApiResponse(responseCode = "201", description = "The discovery and its proposed batch")
  @ApiResponse(
      responseCode = "400",
      description = "A setting is missing or wrong, or the directory refused: errors names it",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  RecipientViews.DiscoveryView discover(@RequestBody DiscoveryRequest request) {
    requireValid(request);
    URI url = url(request.url());
    SecretRef credential =
        SecretRef.isWellFormed(request.credentialId())
            ? new SecretRef(request.credentialId())
            : null;
    if (credential == null || secrets.describe(credential).isEmpty()) {
      throw new RejectedSettings(
          List.of(new SettingsProblem("$.credentialId", text("cutover.credential.unknown"))));
    }
    Discovery discovery =
        reader.read(
            new DirectoryQuery(
                url,
                request.bindDn(),
                credential,
                request.baseDn(),
                request.filter(),
                request.allowPlaintext()));
    String domain = request.domain().strip().toLowerCase(java.util.Locale.ROOT);
    String id =
        recipients.saveDiscovery(domain, url + " " + request.baseDn(), discovery, Instant.now());
    return view(id);
  }

  @GetMapping("/discoveries/{id}")
  @Operation(summary = "A stored discovery and its proposed batch")
  @ApiResponse(responseCode = "200", description = "The discovery")
  @ApiResponse(
      responseCode = "404",
      description = "No such discovery",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  RecipientViews.DiscoveryView discovery(@PathVariable String id) {
    return view(id);
  }

  @ExceptionHandler(DirectoryProblem.class)
  ProblemDetail directoryRefused(DirectoryProblem problem) {
    ProblemDetail detail =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, problem.getMessage());
    detail.setType(ProblemTypes.INVALID_SETTINGS);
    detail.setTitle("The directory could not be read");
    detail.setProperty(
        "errors",
        List.of(
            Map.of(
                "path",
                problem.field() == null ? "$" : problem.field(),
                "message",
                problem.getMessage())));
    return detail;
  }

  private RecipientViews.DiscoveryView view(String id) {
    var discovery =
        recipients
            .discovery(id)
            .orElseThrow(
                () ->
                    new org.cutover.migration.MigrationNotFound(
                        "No directory discovery has id "
                            + id
                            + "; run POST /api/directory/discover"));
    return RecipientViews.DiscoveryView.of(
        discovery, recipients.ofDiscovery(id), recipients.skipped(id));
  }

  private void requireValid(DiscoveryRequest request) {
    List<SettingsProblem> problems = new ArrayList<>();
    validator
        .validate(request)
        .forEach(
            violation ->
                problems.add(
                    new SettingsProblem(
                        "$." + violation.getPropertyPath(), violation.getMessage())));
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(SettingsProblem::path));
      throw new RejectedSettings(problems);
    }
  }

  /** A message in the request's language. */
  private static String text(String key) {
    return java.util.ResourceBundle.getBundle(
            "ValidationMessages", org.springframework.context.i18n.LocaleContextHolder.getLocale())
        .getString(key);
  }

  private static URI url(String text) {
    try {
      URI url = URI.create(text.strip());
      if (url.getHost() != null) {
        return url;
      }
    } catch (IllegalArgumentException notAUri) {
      // reported below
    }
    throw new RejectedSettings(
        List.of(new SettingsProblem("$.url", text("cutover.directory.url"))));
  }
}
