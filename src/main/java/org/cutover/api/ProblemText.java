package org.cutover.api;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URI;

/**
 * A problem detail written where no message converter is at hand (Tomcat's error valve, servlet
 * filters): {@code type}, {@code title}, {@code status} and {@code detail} as JSON.
 */
final class ProblemText {

  private ProblemText() {}

  static String json(int status, URI type, String title, String detail) {
    return "{\"type\":\""
        + quoted(type.toString())
        + "\",\"title\":\""
        + quoted(title)
        + "\",\"status\":"
        + status
        + ",\"detail\":\""
        + quoted(detail)
        + "\"}";
  }

  /** The problem type of a refusal that has no more specific one. */
  static URI typeOf(int status) {
    return switch (status) {
      case 400 -> ProblemTypes.BAD_REQUEST;
      case 401 -> ProblemTypes.UNAUTHENTICATED;
      case 403 -> ProblemTypes.FORBIDDEN;
      case 404 -> ProblemTypes.NO_SUCH_PATH;
      case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
      case 406 -> ProblemTypes.NOT_ACCEPTABLE;
      case 413 -> ProblemTypes.TOO_LARGE;
      case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
      default -> status >= 500 ? ProblemTypes.INTERNAL : ProblemTypes.BAD_REQUEST;
    };
  }

  private static String quoted(String text) {
    return new String(JsonStringEncoder.getInstance().quoteAsString(text));
  }
}
