package org.cutover.api;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests that reach none of our operations (a path nothing is at, a method or a body type the
 * path does not take) are answered with RFC 9457 problem details too, saying what the API takes.
 * {@link ApiProblems} goes first and answers everything our controllers raise.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnmatchedRequestProblems extends ResponseEntityExceptionHandler {

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException missing,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return answer(
        missing,
        headers,
        status,
        request,
        ProblemTypes.NO_SUCH_PATH,
        "Nothing at this path",
        "Nothing is at this path. The API's paths are listed in its OpenAPI description at"
            + " /v3/api-docs (Swagger UI: /swagger-ui.html); Camunda's own REST API is under"
            + " /engine-rest.");
  }

  @Override
  protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
      HttpRequestMethodNotSupportedException wrongMethod,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Set<HttpMethod> supported = wrongMethod.getSupportedHttpMethods();
    return answer(
        wrongMethod,
        headers,
        status,
        request,
        ProblemTypes.METHOD_NOT_ALLOWED,
        "Method not allowed here",
        "This path does not take "
            + wrongMethod.getMethod()
            + (supported == null || supported.isEmpty()
                ? "."
                : "; it takes "
                    + supported.stream()
                        .map(HttpMethod::name)
                        .sorted()
                        .collect(Collectors.joining(", "))
                    + "."));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException wrongType,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String supported =
        wrongType.getSupportedMediaTypes().isEmpty()
            ? MediaType.APPLICATION_JSON_VALUE
            : wrongType.getSupportedMediaTypes().stream()
                .map(MediaType::toString)
                .collect(Collectors.joining(", "));
    return answer(
        wrongType,
        headers,
        status,
        request,
        ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
        "Body type not accepted",
        "Send the body as "
            + supported
            + " and say so in the Content-Type header (curl: -H 'Content-Type:"
            + " application/json').");
  }

  private ResponseEntity<Object> answer(
      Exception failure,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request,
      java.net.URI type,
      String title,
      String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type);
    problem.setTitle(title);
    return handleExceptionInternal(failure, problem, headers, status, request);
  }
}
