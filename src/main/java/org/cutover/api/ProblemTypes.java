package org.cutover.api;

import java.net.URI;

/** The {@code type} URIs of our problem details: stable names a client can switch on. */
final class ProblemTypes {

  static final URI INVALID_SETTINGS = URI.create("urn:cutover:problem:invalid-settings");
  static final URI MALFORMED_JSON = URI.create("urn:cutover:problem:malformed-json");
  static final URI NOT_FOUND = URI.create("urn:cutover:problem:not-found");
  static final URI WRONG_STATE = URI.create("urn:cutover:problem:wrong-state");
  static final URI DOMAIN_BUSY = URI.create("urn:cutover:problem:domain-busy");
  static final URI CAPABILITY_MISSING = URI.create("urn:cutover:problem:capability-missing");
  static final URI UNAUTHENTICATED = URI.create("urn:cutover:problem:unauthenticated");
  static final URI FORBIDDEN = URI.create("urn:cutover:problem:forbidden");
  static final URI INTERNAL = URI.create("urn:cutover:problem:internal");
  static final URI NO_SUCH_PATH = URI.create("urn:cutover:problem:no-such-path");
  static final URI METHOD_NOT_ALLOWED = URI.create("urn:cutover:problem:method-not-allowed");
  static final URI UNSUPPORTED_MEDIA_TYPE =
      URI.create("urn:cutover:problem:unsupported-media-type");
  static final URI REJECTED_URL = URI.create("urn:cutover:problem:rejected-url");
  static final URI BAD_REQUEST = URI.create("urn:cutover:problem:bad-request");
  static final URI NOT_ACCEPTABLE = URI.create("urn:cutover:problem:not-acceptable");
  static final URI TOO_LARGE = URI.create("urn:cutover:problem:too-large");
  static final URI CROSS_SITE_REFUSED = URI.create("urn:cutover:problem:cross-site-refused");
  static final URI TOO_MANY_LOGIN_FAILURES =
      URI.create("urn:cutover:problem:too-many-login-failures");

  private ProblemTypes() {}
}
