package org.cutover.api;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks an API login against Camunda's users (the same accounts as Cockpit and Tasklist). No
 * account is locked by failed attempts; {@link PasswordThrottle} slows down the address that sends
 * wrong passwords. Members of {@code camunda-admin} get role ADMIN, which the API requires.
 */
@Component
class CamundaUserAuthentication implements AuthenticationProvider {

  static final String ADMIN_ROLE = "ADMIN";

  private final IdentityService identity;

  CamundaUserAuthentication(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Authentication authenticate(Authentication login) throws AuthenticationException {
    String user = login.getName();
    Object credentials = login.getCredentials();
    if (user == null
        || user.isBlank()
        || credentials == null
        || !identity.checkPassword(user, credentials.toString())) {
      throw new BadCredentialsException("Unknown user or wrong password");
    }
    boolean admin =
        identity.createGroupQuery().groupMember(user).groupId(Groups.CAMUNDA_ADMIN).count() > 0;
    return UsernamePasswordAuthenticationToken.authenticated(
        user, null, admin ? List.of(new SimpleGrantedAuthority("ROLE_" + ADMIN_ROLE)) : List.of());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
