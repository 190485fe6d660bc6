package org.cutover.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.SearchRequest;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cutover.secrets.SecretRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A group larger than Active Directory's MaxValRange, read to its last member: UnboundID's
 * in-memory server answers over LDAP as AD does (slapd never answers with ranges; the normal path
 * against a real OpenLDAP is DirectoryReaderIT's), its interceptor cutting {@code member} into
 * ranges of 1500 values named {@code member;range=low-high}, the last {@code member;range=low-*},
 * and answering a request for {@code member;range=low-*} with the range from there.
 */
class RangedMembersTest {

  static final String BASE = "dc=contoso,dc=test";
  static final String READER = "cn=reader," + BASE;
  static final int MAX_VAL_RANGE = 1500;

  final ActiveDirectoryRanges ranges = new ActiveDirectoryRanges();
  final MapSecretStore secrets = new MapSecretStore();
  InMemoryDirectoryServer server;

  @BeforeEach
  void startDirectory() throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.setSchema(null);
    config.addAdditionalBindCredentials(READER, "reader-password");
    config.addInMemoryOperationInterceptor(ranges);
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
    server = new InMemoryDirectoryServer(config);
    server.add(
        new Entry(BASE, new Attribute("objectClass", "domain"), new Attribute("dc", "contoso")));
    server.startListening();
  }

  @AfterEach
  void stopDirectory() {
    server.shutDown(true);
  }

  @Test
  void readsEveryMemberOfAGroupLargerThanOneRange() throws Exception {
    List<String> members = addUsers(3200);
    addGroup("all-staff", "all@contoso.test", members);
    addGroup("board", "board@contoso.test", members.subList(0, 3));

    Discovery discovery = read();

    Recipient allStaff = group(discovery, "all@contoso.test");
    assertThat(allStaff.members())
        .hasSize(3200)
        .startsWith("user0@contoso.test")
        .endsWith("user3199@contoso.test")
        .doesNotHaveDuplicates();
    assertThat(group(discovery, "board@contoso.test").members())
        .containsExactly("user0@contoso.test", "user1@contoso.test", "user2@contoso.test");
    assertThat(ranges.rangesAskedFor)
        .as("the rest of the one large group, range by range")
        .containsExactly("member;range=1500-*", "member;range=3000-*");
  }

  @Test
  void aGroupOfExactlyOneRangeNeedsNoMoreQuestions() throws Exception {
    addGroup("staff", "staff@contoso.test", addUsers(MAX_VAL_RANGE));

    assertThat(group(read(), "staff@contoso.test").members()).hasSize(MAX_VAL_RANGE);
    assertThat(ranges.rangesAskedFor).isEmpty();
  }

  private Discovery read() {
    SecretRef password = secrets.put("reader", "reader-password".toCharArray());
    return new DirectoryReader(
            secrets, new DirectoryProperties(null, Duration.ofSeconds(10), 1000, 20000))
        .read(
            new DirectoryQuery(
                URI.create("ldap://127.0.0.1:" + server.getListenPort()),
                READER,
                password,
                BASE,
                null,
                true));
  }

  private static Recipient group(Discovery discovery, String address) {
    return discovery.recipients().stream()
        .filter(r -> r.primaryAddress().equals(address))
        .findFirst()
        .orElseThrow();
  }

  private List<String> addUsers(int count) throws Exception {
    List<String> dns = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String dn = "cn=user" + i + "," + BASE;
      server.add(
          new Entry(
              dn,
              new Attribute("objectClass", "user"),
              new Attribute("mail", "user" + i + "@contoso.test"),
              new Attribute("msExchRecipientTypeDetails", "1")));
      dns.add(dn);
    }
    return dns;
  }

  private void addGroup(String cn, String mail, List<String> members) throws Exception {
    server.add(
        new Entry(
            "cn=" + cn + "," + BASE,
            new Attribute("objectClass", "group"),
            new Attribute("mail", mail),
            new Attribute("msExchRecipientTypeDetails", "256"),
            new Attribute("member", members)));
  }

  /** Answers as Active Directory with MaxValRange 1500 answers {@code member}. */
  static final class ActiveDirectoryRanges extends InMemoryOperationInterceptor {

    private static final Pattern RANGE = Pattern.compile("(?i)member;range=(\\d+)-\\*");

    final List<String> rangesAskedFor = new CopyOnWriteArrayList<>();

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
      String[] attributes = request.getRequest().getAttributeList().toArray(new String[0]);
      for (int i = 0; i < attributes.length; i++) {
        Matcher range = RANGE.matcher(attributes[i]);
        if (range.matches()) {
          rangesAskedFor.add(attributes[i]);
          request.setProperty("rangeLow", Integer.parseInt(range.group(1)));
          attributes[i] = "member";
        }
      }
      SearchRequest served = request.getRequest().duplicate();
      served.setAttributes(attributes);
      request.setRequest(served);
    }

    @Override
    public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
      Attribute member = result.getSearchEntry().getAttribute("member");
      Object asked = result.getProperty("rangeLow");
      if (member == null || (asked == null && member.size() <= MAX_VAL_RANGE)) {
        return;
      }
      String[] values = member.getValues();
      int low = asked == null ? 0 : (Integer) asked;
      int high = Math.min(low + MAX_VAL_RANGE, values.length) - 1;
      boolean last = high == values.length - 1;
      Entry answer = result.getSearchEntry().duplicate();
      answer.removeAttribute("member");
      answer.addAttribute(
          new Attribute(
              "member;range=" + low + "-" + (last ? "*" : String.valueOf(high)),
              Arrays.copyOfRange(values, low, high + 1)));
      result.setSearchEntry(answer);
    }
  }
}
