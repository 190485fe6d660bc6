package org.cutover.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands in front of every place a password is checked: HTTP Basic on {@code /api} and {@code
 * /engine-rest}, and the webapps' login form. A request that carries a password from an address
 * that must wait ({@link LoginThrottle}) is answered 429 with {@code Retry-After} before the
 * password is looked at; an answer 401 to a request that carried one counts as a failure of its
 * address. IPv6 clients count per /64 network, which one client usually has to itself.
 */
class PasswordThrottle extends OncePerRequestFilter {

  private static final Pattern WEBAPP_LOGIN = Pattern.compile("^.*/auth/user/[^/]+/login(/.*)?$");

  private final LoginThrottle throttle;
  private final ObjectMapper json;

  PasswordThrottle(LoginThrottle throttle, ObjectMapper json) {
    this.throttle = throttle;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!carriesPassword(request)) {
      chain.doFilter(request, response);
      return;
    }
    String address = clientOf(request);
    Optional<Duration> wait = throttle.waitFor(address);
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      ProblemResponses.write(
          response,
          json,
          HttpStatus.TOO_MANY_REQUESTS,
          ProblemTypes.TOO_MANY_LOGIN_FAILURES,
          "Too many failed logins from this address",
          "Logins from this address failed too often; try again in "
              + seconds
              + " seconds. Each further failure doubles the wait. Check the user name and"
              + " password.");
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
      throttle.failed(address);
    }
  }

  private static boolean carriesPassword(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Basic", 0, 5)) {
      return true;
    }
    return "POST".equals(request.getMethod())
        && WEBAPP_LOGIN.matcher(request.getRequestURI()).matches();
  }

  static String clientOf(HttpServletRequest request) {
    String address = request.getRemoteAddr();
    if (address == null || !address.contains(":")) {
      return address;
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      if (bytes.length == 16) {
        Arrays.fill(bytes, 8, 16, (byte) 0);
        return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
      }
    } catch (UnknownHostException notAnAddress) {
      // a name would need a look-up; count it as given
    }
    return address;
  }
}
