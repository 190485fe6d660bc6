package org.cutover.testsupport.kit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The test kit from the command line, for bench/ scripts (run on the test class path that the build
 * writes to {@code target/test-class-path}):
 *
 * <pre>
 * dovecot-up DIR PORT [--users N] [--sep / | .] [--format maildir | sdbox] [--names] [--tls PORT2]
 * dovecot-down DIR [--purge]
 * corpus --port P [--host H] --users N --messages M --seed S [--round R] [--big-mb X]
 *        [--login user | authzid:ADMIN:PASS | master:ADMIN:PASS] [--jobs J] [--tls]
 * compare --a HOST:PORT --b HOST:PORT (--users N | --user-list u1,u2) [--a-login L] [--b-login L]
 *        [--map 'A name=B name']... [--no-special-use] [-v]
 * </pre>
 *
 * dovecot-up prints the master's PID; corpus its summary line; compare the folders that differ and
 * a summary line, exiting 0 when identical, 1 on differences and 2 on errors.
 */
public final class KitMain {

  private KitMain() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      usage();
      System.exit(2);
    }
    try {
      List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
      int exit =
          switch (args[0]) {
            case "dovecot-up" -> dovecotUp(rest);
            case "dovecot-down" -> dovecotDown(rest);
            case "corpus" -> corpus(rest);
            case "compare" -> compare(rest);
            default -> {
              usage();
              yield 2;
            }
          };
      System.exit(exit);
    } catch (RuntimeException | java.io.IOException e) {
      System.err.println("kit " + args[0] + ": " + e.getMessage());
      System.exit(2);
    }
  }

  private static void usage() {
    System.err.println(
        "usage: KitMain dovecot-up DIR PORT [--users N] [--sep S] [--format F] [--names] [--tls"
            + " PORT2]\n"
            + "       KitMain dovecot-down DIR [--purge]\n"
            + "       KitMain corpus --port P --users N --messages M --seed S [--round R]"
            + " [--big-mb X] [--login L] [--jobs J] [--host H] [--tls]\n"
            + "       KitMain compare --a HOST:PORT --b HOST:PORT (--users N | --user-list LIST)"
            + " [--a-login L] [--b-login L] [--map 'A=B']... [--no-special-use] [-v]");
  }

  private static int dovecotUp(List<String> args) {
    Options o = new Options(args);
    List<String> positional = o.positional();
    if (positional.size() != 2) {
      usage();
      return 2;
    }
    DovecotOptions options =
        DovecotOptions.defaults()
            .withUsers(o.integer("--users", 20))
            .withSeparator(o.text("--sep", "/").charAt(0))
            .withFormat(
                DovecotOptions.MailFormat.valueOf(o.text("--format", "maildir").toUpperCase()));
    if (o.flag("--names")) {
      options = options.danish();
    }
    int tlsPort = o.integer("--tls", 0);
    if (tlsPort != 0) {
      options = options.withTls();
    }
    PrivateDovecot server =
        PrivateDovecot.startAt(
            Path.of(positional.get(0)), Integer.parseInt(positional.get(1)), tlsPort, options);
    System.err.printf(
        "kit: dovecot on 127.0.0.1:%d%s, separator '%s', %s, %d users, in %s%n",
        server.port(),
        tlsPort == 0 ? "" : " (TLS " + tlsPort + ")",
        options.separator(),
        options.format().name().toLowerCase(),
        options.users(),
        server.dir());
    System.out.println(server.pid());
    return 0;
  }

  private static int dovecotDown(List<String> args) throws java.io.IOException {
    Options o = new Options(args);
    Path dir = Path.of(o.positional().get(0));
    PrivateDovecot.stopIn(dir);
    if (o.flag("--purge")) {
      PrivateDovecot.delete(dir);
    }
    return 0;
  }

  private static int corpus(List<String> args) {
    Options o = new Options(args);
    MailCorpus.Settings settings =
        new MailCorpus.Settings(
            o.integer("--users", 1),
            o.integer("--messages", -1),
            o.integer("--seed", 1),
            o.integer("--round", 0),
            o.integer("--big-mb", 0));
    long start = System.nanoTime();
    MailCorpus.Summary s =
        MailCorpus.fill(
            o.text("--host", "127.0.0.1"),
            o.integer("--port", 143),
            o.flag("--tls"),
            KitLogin.parse(o.text("--login", "user")),
            settings,
            o.integer("--jobs", 2));
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%s; seed %d%s, in %.1f s%n",
        s.line(),
        settings.seed(),
        settings.round() == 0 ? "" : ", round " + settings.round(),
        seconds);
    return 0;
  }

  private static int compare(List<String> args) {
    Options o = new Options(args);
    String[] a = o.text("--a", null).split(":");
    String[] b = o.text("--b", null).split(":");
    List<String> users = new ArrayList<>();
    String list = o.flag("--user-list") ? o.text("--user-list", null) : null;
    if (list != null) {
      users.addAll(List.of(list.split(",")));
    } else {
      for (int k = 1; k <= o.integer("--users", 1); k++) {
        users.add("user" + k);
      }
    }
    Map<List<String>, List<String>> map = Fidelity.folderMap(o.all("--map").toArray(String[]::new));
    Fidelity.Result r =
        Fidelity.compare(
            new Fidelity.Side(
                a[0], Integer.parseInt(a[1]), false, KitLogin.parse(o.text("--a-login", "user"))),
            new Fidelity.Side(
                b[0], Integer.parseInt(b[1]), false, KitLogin.parse(o.text("--b-login", "user"))),
            users,
            map,
            !o.flag("--no-special-use"),
            o.flag("-v"));
    System.out.print(r.output());
    System.out.println();
    return r.identical() ? 0 : 1;
  }

  /** Options as {@code --name value} pairs, flags and positional arguments. */
  private static final class Options {
    private final List<String> args;

    Options(List<String> args) {
      this.args = args;
    }

    boolean flag(String name) {
      return args.contains(name);
    }

    String text(String name, String otherwise) {
      int i = args.indexOf(name);
      if (i < 0) {
        if (otherwise == null) {
          throw new IllegalArgumentException(name + " is required");
        }
        return otherwise;
      }
      return args.get(i + 1);
    }

    List<String> all(String name) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < args.size() - 1; i++) {
        if (args.get(i).equals(name)) {
          out.add(args.get(i + 1));
        }
      }
      return out;
    }

    int integer(String name, int otherwise) {
      String v = text(name, otherwise < 0 ? null : Integer.toString(otherwise));
      return Integer.parseInt(v);
    }

    List<String> positional() {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < args.size(); i++) {
        if (args.get(i).startsWith("-")) {
          if (!List.of("--names", "--purge", "--tls", "-v", "--no-special-use")
                  .contains(args.get(i))
              || "--tls".equals(args.get(i))
                  && i + 1 < args.size()
                  && args.get(i + 1).matches("\\d+")) {
            i++;
          }
        } else {
          out.add(args.get(i));
        }
      }
      return out;
    }
  }
}
