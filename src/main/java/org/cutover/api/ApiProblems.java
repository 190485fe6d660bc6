package org.cutover.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cutover.migration.CapabilitiesMissing;
import org.cutover.migration.Capability;
import org.cutover.migration.MigrationConflict;
import org.cutover.migration.MigrationNotFound;
import org.cutover.migration.RejectedSettings;
import org.cutover.migration.SettingsProblem;
import org.cutover.secrets.SecretText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns failures of our API into RFC 9457 problem details that say what to fix. Invalid settings
 * list one entry per field in {@code errors} ({@code path} as a JSON path, {@code message}); the
 * values given are never repeated, so no secret can come back.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  @ExceptionHandler(RejectedSettings.class)
  ProblemDetail rejected(RejectedSettings rejected) {
    return invalidSettings(rejected.problems());
  }

  @ExceptionHandler(StrictJson.UnreadableBody.class)
  ProblemDetail unreadable(StrictJson.UnreadableBody unreadable) {
    if (unreadable.mapping() != null) {
      return invalidSettings(
          List.of(new SettingsProblem(path(unreadable.mapping()), expected(unreadable.mapping()))));
    }
    return problem(
        HttpStatus.BAD_REQUEST,
        ProblemTypes.MALFORMED_JSON,
        "The request body does not hold the settings",
        unreadable.getMessage());
  }

  @ExceptionHandler(MigrationNotFound.class)
  ProblemDetail notFound(MigrationNotFound notFound) {
    return problem(
        HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "No such migration", notFound.getMessage());
  }

  @ExceptionHandler(WrongState.class)
  ProblemDetail wrongState(WrongState wrongState) {
    return problem(
        HttpStatus.CONFLICT,
        ProblemTypes.WRONG_STATE,
        "Not possible in the migration's current state",
        wrongState.getMessage());
  }

  @ExceptionHandler(MigrationConflict.class)
  ProblemDetail domainBusy(MigrationConflict conflict) {
    return problem(
        HttpStatus.CONFLICT,
        ProblemTypes.DOMAIN_BUSY,
        "Another migration of this domain is under way",
        conflict.getMessage());
  }

  /**
   * 503, not 422: the request is fine, the server lacks a part an operator configures; the same
   * request succeeds once it is configured.
   */
  @ExceptionHandler(CapabilitiesMissing.class)
  ProblemDetail capabilitiesMissing(CapabilitiesMissing missing) {
    ProblemDetail problem =
        problem(
            HttpStatus.SERVICE_UNAVAILABLE,
            ProblemTypes.CAPABILITY_MISSING,
            "Cutover is not configured for migrations yet",
            "Nothing was stored or started. "
                + String.join(
                    " ", missing.missing().stream().map(Capability::describeMissing).toList()));
    problem.setProperty(
        "missingCapabilities",
        missing.missing().stream()
            .map(
                capability ->
                    Map.of(
                        "capability", capability.name(),
                        "port", capability.port().getSimpleName(),
                        "configuration", capability.enabledBy()))
            .toList());
    return problem;
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception failure) {
    String reference = UUID.randomUUID().toString();
    log.error("Request failed unexpectedly (reference {})", reference, failure);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        ProblemTypes.INTERNAL,
        "Internal error",
        "The request failed on the server; the log holds the details under reference "
            + reference
            + ".");
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException unreadable,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Throwable cause = unreadable.getCause();
    for (Throwable inner = cause; inner != null; inner = inner.getCause()) {
      if (inner instanceof RequestBodyLimit.BodyTooLarge tooLarge) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
            .headers(headers)
            .body(
                problem(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    ProblemTypes.TOO_LARGE,
                    "Request too large",
                    RequestBodyLimit.tooLarge(tooLarge.limit)));
      }
    }
    ProblemDetail problem;
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      problem = invalidSettings(List.of(new SettingsProblem(path(mapping), expected(mapping))));
    } else if (cause instanceof JsonProcessingException syntax) {
      JsonLocation at = syntax.getLocation();
      problem =
          problem(
              HttpStatus.BAD_REQUEST,
              ProblemTypes.MALFORMED_JSON,
              "The request body is not valid JSON",
              at == null
                  ? "The body could not be read as JSON; check quotes, commas and brackets."
                  : "The body is not valid JSON at line "
                      + at.getLineNr()
                      + ", column "
                      + at.getColumnNr()
                      + "; check quotes, commas and brackets there.");
    } else {
      problem =
          problem(
              HttpStatus.BAD_REQUEST,
              ProblemTypes.MALFORMED_JSON,
              "The request body is missing",
              "Send the request as a JSON object with Content-Type application/json.");
    }
    return ResponseEntity.badRequest().headers(headers).body(problem);
  }

  private static ProblemDetail invalidSettings(List<SettingsProblem> problems) {
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            ProblemTypes.INVALID_SETTINGS,
            "The request needs correcting",
            problems.size() == 1
                ? "One field needs correcting: " + problems.get(0) + "."
                : problems.size() + " fields need correcting; errors lists each with what to do.");
    problem.setProperty(
        "errors",
        problems.stream()
            .map(entry -> Map.of("path", entry.path(), "message", entry.message()))
            .toList());
    return problem;
  }

  private static ProblemDetail problem(
      HttpStatus status, java.net.URI type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type);
    problem.setTitle(title);
    return problem;
  }

  private static String path(JsonMappingException mapping) {
    StringBuilder path = new StringBuilder("$");
    for (JsonMappingException.Reference reference : mapping.getPath()) {
      if (reference.getFieldName() != null) {
        path.append('.').append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** What the field should hold, from the type Jackson wanted; never the value it was given. */
  private static String expected(JsonMappingException mapping) {
    if (mapping instanceof UnrecognizedPropertyException unknown) {
      return "is not a known property here; the known ones are "
          + String.join(
              ", ", unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().toList());
    }
    Class<?> type =
        mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
    if (type == null) {
      return "has a value of the wrong kind here";
    }
    if (type.isEnum()) {
      return "must be one of "
          + String.join(
              ", ", Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
    }
    if (type == Duration.class) {
      return "must be an ISO-8601 duration such as PT15M";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "must be an ISO-8601 date and time";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "must be a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (List.class.isAssignableFrom(type)) {
      return "must be a JSON array";
    }
    if (type == String.class
        || type == SecretText.class
        || mapping instanceof InvalidFormatException) {
      return "must be a JSON string";
    }
    return "must be a JSON object";
  }
}
