package org.cutover.testsupport.kit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.angus.mail.iap.Literal;

/**
 * A deterministic, realistic mail corpus appended through IMAP into user1..userN: the same seed and
 * settings give byte-identical messages, flags, keywords, INTERNALDATEs and folders on any server
 * (whatever its separator and special-use names); the summary's digest shows it.
 *
 * <p>Per user: INBOX, the server's special-use folders (English ones created where it has none) and
 * user folders, nested with the server's separator, with non-ASCII names (modified UTF-7 on the
 * wire, one outside the Basic Multilingual Plane), one left empty and one unsubscribed. Sizes: 85%
 * 2-50 KB, 11% 50-300 KB, 3% 0.3-1 MB, 1% 1-5 MB. Round R > 0 adds newer mail to an existing
 * corpus, for incremental runs.
 */
public final class MailCorpus {

  /** Folders of every user besides INBOX and the special-use ones; parents before children. */
  static final List<List<String>> USER_FOLDERS =
      List.of(
          List.of("Projects"),
          List.of("Projects", "2024"),
          List.of("Projects", "2024", "Q1"),
          List.of("Projects", "2024", "Q2"),
          List.of("Projects", "2023"),
          List.of("Økonomi"),
          List.of("Kunder"),
          List.of("Kunder", "Ærø"),
          List.of("Réunions"),
          List.of("Family & Friends"),
          List.of("Billeder 📷"),
          List.of("Newsletters"));

  static final List<String> EMPTY_FOLDER = List.of("Projects", "2024");
  static final List<String> UNSUBSCRIBED = List.of("Newsletters");

  private static final List<String> ROLES = List.of("drafts", "sent", "trash", "junk", "archive");
  private static final Map<String, Double> ROLE_WEIGHT =
      Map.of(
          "inbox", 38.0, "sent", 15.0, "archive", 10.0, "trash", 3.0, "junk", 2.0, "drafts", 1.5);
  private static final double USER_FOLDERS_WEIGHT = 30.5;
  private static final List<String> QUIRKS =
      List.of(
          "no-message-id",
          "raw-8bit-header",
          "long-subject",
          "headers-only",
          "no-final-newline",
          "no-subject",
          "duplicate");
  private static final long CORPUS_START = 1_420_070_400L; // 2015-01-01 UTC
  private static final long CORPUS_END = 1_751_241_600L; // 2025-06-30 UTC
  private static final long ROUND_SPAN = 30L * 86_400;
  static final DateTimeFormatter INTERNALDATE =
      DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss xx", Locale.ENGLISH);

  /** What to build: users user1..userN, messages per user, seed, round, one big message. */
  public record Settings(int users, int messages, long seed, int round, int bigMegabytes) {

    public Settings {
      if (users < 1 || messages < 0 || round < 0 || bigMegabytes < 0) {
        throw new IllegalArgumentException(
            "users must be >= 1 and messages, round and big megabytes >= 0");
      }
    }

    public static Settings of(int users, int messages, long seed) {
      return new Settings(users, messages, seed, 0, 0);
    }

    /** Round R > 0: that many newer messages per user for an existing corpus. */
    public Settings round(int r) {
      return new Settings(users, messages, seed, r, bigMegabytes);
    }

    /** Also one message of about {@code mb} megabytes in user1's INBOX. */
    public Settings withBigMessage(int mb) {
      return new Settings(users, messages, seed, round, mb);
    }
  }

  /** What was appended. */
  public record Summary(int users, int folders, long messages, long bytes, String digest) {
    public String line() {
      return String.format(
          Locale.ROOT,
          "corpus: %d users, %d folders, %d messages, %d bytes (%.1f MB), digest %s",
          users,
          folders,
          messages,
          bytes,
          bytes / 1e6,
          digest);
    }
  }

  private MailCorpus() {}

  /** Fills a private server's users with their own passwords. */
  public static Summary fill(PrivateDovecot server, Settings settings) {
    return fill("127.0.0.1", server.port(), false, KitLogin.ownPassword(), settings, 2);
  }

  public static Summary fill(
      String host, int port, boolean tls, KitLogin login, Settings settings, int jobs) {
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, settings.users())));
    try {
      List<Future<UserResult>> results = new ArrayList<>();
      for (int k = 1; k <= settings.users(); k++) {
        String user = "user" + k;
        results.add(pool.submit(() -> fillUser(host, port, tls, login, settings, user)));
      }
      var digest = KitImap.sha256();
      int folders = 0;
      long messages = 0;
      long bytes = 0;
      for (Future<UserResult> f : results) {
        UserResult r = f.get();
        folders += r.folders();
        messages += r.messages();
        bytes += r.bytes();
        digest.update((r.user() + ":" + r.digest() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return new Summary(
          settings.users(),
          folders,
          messages,
          bytes,
          KitImap.toHex(digest.digest()).substring(0, 16));
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "The corpus could not be appended: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while appending the corpus", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private record UserResult(String user, int folders, long messages, long bytes, String digest) {}

  /** One planned folder: its role (or null for a user folder) and its path. */
  private record PlannedFolder(String role, List<String> path) {
    String logical() {
      return role != null ? role : String.join("/", path);
    }
  }

  private static UserResult fillUser(
      String host, int port, boolean tls, KitLogin login, Settings settings, String user) {
    List<PlannedFolder> folders = new ArrayList<>();
    folders.add(new PlannedFolder("inbox", List.of("INBOX")));
    for (String role : ROLES) {
      folders.add(new PlannedFolder(role, null));
    }
    for (List<String> path : USER_FOLDERS) {
      folders.add(new PlannedFolder(null, path));
    }
    Map<PlannedFolder, List<MessageMaker.Plan>> plan = plan(settings, user, folders);
    var digest = KitImap.sha256();
    long count = 0;
    long bytes = 0;
    try (KitImap imap = KitImap.open(host, port, tls, login, user)) {
      char sep = imap.separator();
      Map<String, String> roleNames = new HashMap<>();
      for (KitImap.Folder f : imap.folders()) {
        for (String role : ROLES) {
          if (f.attributes().contains("\\" + role)) {
            roleNames.putIfAbsent(role, f.name());
          }
        }
      }
      for (PlannedFolder folder : folders) {
        String name = name(folder, roleNames, sep);
        if (!"INBOX".equals(name)) {
          imap.create(name);
          if (!UNSUBSCRIBED.equals(folder.path())) {
            imap.subscribe(name);
          }
        }
        List<KitImap.Appended> batch = new ArrayList<>();
        long batchBytes = 0;
        byte[] previous = null;
        for (MessageMaker.Plan m : plan.get(folder)) {
          String date =
              INTERNALDATE.format(
                  Instant.ofEpochSecond(m.epochSecond())
                      .atOffset(ZoneOffset.ofTotalSeconds(m.offsetMinutes() * 60)));
          Literal literal;
          int size;
          String sha;
          if ("big".equals(m.quirk())) {
            BigMessage big = new BigMessage(m.key(), user, date, m.size() / 1_000_000);
            literal = big;
            size = big.size();
            sha = "big:" + m.key() + ":" + size;
          } else {
            byte[] data =
                "duplicate".equals(m.quirk()) && previous != null ? previous : MessageMaker.make(m);
            previous = data;
            literal = new Bytes(data);
            size = data.length;
            sha = KitImap.toHex(KitImap.sha256().digest(data));
          }
          digest.update(
              (folder.logical() + "|" + m.flags() + "|" + date + "|" + sha + "\n")
                  .getBytes(StandardCharsets.UTF_8));
          count++;
          bytes += size;
          batch.add(new KitImap.Appended(m.flags(), date, literal));
          batchBytes += size;
          if (batch.size() >= 50 || batchBytes >= 8_000_000) {
            imap.append(name, batch);
            batch.clear();
            batchBytes = 0;
          }
        }
        if (!batch.isEmpty()) {
          imap.append(name, batch);
        }
      }
    }
    return new UserResult(user, folders.size(), count, bytes, KitImap.toHex(digest.digest()));
  }

  private static String name(PlannedFolder folder, Map<String, String> roleNames, char sep) {
    if ("inbox".equals(folder.role())) {
      return "INBOX";
    }
    if (folder.role() != null) {
      String english = Character.toUpperCase(folder.role().charAt(0)) + folder.role().substring(1);
      return roleNames.getOrDefault(folder.role(), english);
    }
    return String.join(String.valueOf(sep), folder.path());
  }

  /** Every message's folder, date, zone, size, flags and oddity; depends on the settings only. */
  private static Map<PlannedFolder, List<MessageMaker.Plan>> plan(
      Settings s, String user, List<PlannedFolder> folders) {
    Seeded rng =
        new Seeded("plan:" + s.seed() + ":" + user + (s.round() == 0 ? "" : ":r" + s.round()));
    double[] weights = new double[folders.size()];
    double userTotal = 0;
    for (int i = 0; i < folders.size(); i++) {
      PlannedFolder f = folders.get(i);
      if (f.role() != null) {
        weights[i] = ROLE_WEIGHT.get(f.role());
      } else if (!EMPTY_FOLDER.equals(f.path())) {
        weights[i] = 0.5 + 1.5 * rng.unit();
        userTotal += weights[i];
      }
    }
    double all = 0;
    for (int i = 0; i < folders.size(); i++) {
      if (folders.get(i).role() == null) {
        weights[i] = weights[i] * USER_FOLDERS_WEIGHT / userTotal;
      }
      all += weights[i];
    }
    long start = s.round() == 0 ? CORPUS_START : CORPUS_END + (s.round() - 1) * ROUND_SPAN;
    long end = s.round() == 0 ? CORPUS_END : start + ROUND_SPAN;
    java.util.Set<Long> used = new java.util.HashSet<>();
    Map<PlannedFolder, List<MessageMaker.Plan>> out = new LinkedHashMap<>();
    for (PlannedFolder f : folders) {
      out.put(f, new ArrayList<>());
    }
    for (int i = 0; i < s.messages(); i++) {
      double pick = rng.unit() * all;
      int fi = 0;
      while (fi < weights.length - 1 && pick >= weights[fi]) {
        pick -= weights[fi];
        fi++;
      }
      PlannedFolder folder = folders.get(fi);
      String role = folder.role() == null ? "user" : folder.role();
      long epoch = rng.between(start, end);
      while (!used.add(epoch)) {
        epoch++;
      }
      int offset =
          rng.chance(0.8) ? danishOffset(epoch) : rng.pick(List.of(0, -300, 330, -480, 540));
      String flags = flags(rng, role);
      double q = rng.unit();
      String quirk = q < 0.07 ? QUIRKS.get((int) (q * 100)) : null;
      if ("duplicate".equals(quirk) && "inbox".equals(role)) {
        quirk = null; // INBOX stays free of exact duplicates; the other folders have some
      }
      String key = s.seed() + ":" + user + ":" + (s.round() * 10_000_000L + i);
      out.get(folder).add(new MessageMaker.Plan(key, role, epoch, offset, size(rng), flags, quirk));
    }
    if (s.bigMegabytes() > 0 && s.round() == 0 && "user1".equals(user)) {
      long epoch = start + 86_400L * 3650;
      while (!used.add(epoch)) {
        epoch++;
      }
      out.get(folders.get(0))
          .add(
              new MessageMaker.Plan(
                  s.seed() + ":" + user + ":big",
                  "inbox",
                  epoch,
                  60,
                  s.bigMegabytes() * 1_000_000,
                  "\\Seen \\Flagged",
                  "big"));
    }
    for (List<MessageMaker.Plan> list : out.values()) {
      list.sort(Comparator.comparingLong(MessageMaker.Plan::epochSecond)); // oldest first
    }
    return out;
  }

  private static int danishOffset(long epoch) {
    int month = Instant.ofEpochSecond(epoch).atOffset(ZoneOffset.UTC).getMonthValue();
    return month >= 4 && month <= 10 ? 120 : 60;
  }

  private static String flags(Seeded rng, String role) {
    List<String> f = new ArrayList<>();
    if ("drafts".equals(role)) {
      return "\\Draft \\Seen";
    }
    if (List.of("sent", "archive", "trash").contains(role) || rng.chance(0.8)) {
      f.add("\\Seen");
    }
    if ("inbox".equals(role) && rng.chance(0.15)) {
      f.add("\\Answered");
    }
    if (rng.chance(0.05)) {
      f.add("\\Flagged");
    }
    if (rng.chance(0.04)) {
      f.add("$Forwarded");
    }
    if (rng.chance(0.03)) {
      f.add("$label1");
    }
    if ("inbox".equals(role) && rng.chance(0.1)) {
      f.add("NonJunk");
    }
    if ("junk".equals(role)) {
      f.add("$Junk");
    }
    if (rng.chance(0.01)) {
      f.add("$MDNSent");
    }
    return String.join(" ", f);
  }

  /** Mailbox-like sizes, log-uniform within each band. */
  private static int size(Seeded rng) {
    double r = rng.unit();
    int lo;
    int hi;
    if (r < 0.85) {
      lo = 2_000;
      hi = 50_000;
    } else if (r < 0.96) {
      lo = 50_000;
      hi = 300_000;
    } else if (r < 0.99) {
      lo = 300_000;
      hi = 1_000_000;
    } else {
      lo = 1_000_000;
      hi = 5_000_000;
    }
    return (int) Math.round(lo * Math.pow((double) hi / lo, rng.unit()));
  }

  /** Bytes already built, as APPEND's literal. */
  private record Bytes(byte[] data) implements Literal {
    @Override
    public int size() {
      return data.length;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      out.write(data);
    }
  }
}
