package org.cutover.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the spec's JSON into a {@link SyncSpec}, naming the field of every problem ({@code
 * mailboxes[2].sourcePassword.file}). Jackson's streaming parser reads the text; the few fields are
 * mapped here rather than by Jackson's object mapper, whose set-up alone cost a sync run that finds
 * nothing to do a tenth of its time. Comments and trailing commas are allowed, a field written
 * twice is refused, and so is a field the spec does not know, with the fields known at that place.
 */
final class SpecJson {

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private SpecJson() {}

  /** The spec in {@code bytes}, the content of {@code file}. */
  static SyncSpec read(byte[] bytes, Path file) {
    return spec(new Obj("", rootObject(bytes, file)));
  }

  private static Map<String, Object> rootObject(byte[] bytes, Path file) {
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      JsonToken first = parser.nextToken();
      if (first == null || first == JsonToken.VALUE_NULL) {
        throw new SpecProblem(file + " is empty: it must hold one JSON object");
      }
      if (first != JsonToken.START_OBJECT) {
        throw new SpecProblem(file + " must hold one JSON object ({ ... }), not " + kind(first));
      }
      Map<String, Object> root = object(parser);
      if (parser.nextToken() != null) {
        throw new SpecProblem(
            notJson(file, parser) + "more text after the closing } of the spec's object");
      }
      return root;
    } catch (JacksonException wrong) {
      throw new SpecProblem(
          file
              + " is not valid JSON"
              + (wrong.getLocation() == null
                  ? ""
                  : " (line "
                      + wrong.getLocation().getLineNr()
                      + ", column "
                      + wrong.getLocation().getColumnNr()
                      + ")")
              + ": "
              + wrong.getOriginalMessage());
    } catch (IOException unreadable) {
      throw new SpecProblem("cannot read the spec file " + file + " (" + unreadable + ")");
    }
  }

  private static String notJson(Path file, JsonParser parser) {
    return file
        + " is not valid JSON (line "
        + parser.currentLocation().getLineNr()
        + ", column "
        + parser.currentLocation().getColumnNr()
        + "): ";
  }

  /** The object whose opening brace the parser has just read: its fields in order. */
  private static Map<String, Object> object(JsonParser parser) throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      fields.put(name, value(parser));
    }
    return fields;
  }

  /** The value at the parser's current token: a map, list, string, Long, BigInteger or Double. */
  private static Object value(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    return switch (token) {
      case START_OBJECT -> object(parser);
      case START_ARRAY -> {
        List<Object> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(value(parser));
        }
        yield items;
      }
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT -> {
        BigInteger whole = parser.getBigIntegerValue();
        yield whole.bitLength() < 64 ? (Object) whole.longValue() : whole;
      }
      case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      default -> null;
    };
  }

  private static SyncSpec spec(Obj root) {
    root.only("source", "target", "mailboxes", "options", "state");
    List<SyncSpec.Mailbox> mailboxes = new ArrayList<>();
    for (Obj mailbox : root.objects("mailboxes")) {
      mailboxes.add(mailbox(mailbox));
    }
    return new SyncSpec(
        endpoint(root.object("source")),
        endpoint(root.object("target")),
        mailboxes,
        options(root.object("options")),
        root.text("state"));
  }

  private static SyncSpec.Endpoint endpoint(Obj spec) {
    if (spec == null) {
      return null;
    }
    spec.only(
        "host",
        "port",
        "security",
        "trustCertificates",
        "maxConcurrentMailboxes",
        "disabledExtensions",
        "login");
    return new SyncSpec.Endpoint(
        spec.text("host"),
        spec.integer("port"),
        spec.text("security"),
        spec.text("trustCertificates"),
        spec.integer("maxConcurrentMailboxes"),
        spec.texts("disabledExtensions"),
        login(spec.object("login")));
  }

  private static SyncSpec.Login login(Obj spec) {
    if (spec == null) {
      return null;
    }
    spec.only("method", "admin", "password", "token");
    return new SyncSpec.Login(
        spec.text("method"),
        spec.text("admin"),
        secret(spec.object("password")),
        secret(spec.object("token")));
  }

  private static SyncSpec.Mailbox mailbox(Obj spec) {
    if (spec == null) {
      return null;
    }
    spec.only("source", "target", "sourcePassword", "targetPassword");
    return new SyncSpec.Mailbox(
        spec.text("source"),
        spec.text("target"),
        secret(spec.object("sourcePassword")),
        secret(spec.object("targetPassword")));
  }

  private static SecretReference secret(Obj spec) {
    if (spec == null) {
      return null;
    }
    spec.only("file", "env");
    return new SecretReference(spec.text("file"), spec.text("env"));
  }

  private static SyncSpec.Options options(Obj spec) {
    if (spec == null) {
      return null;
    }
    spec.only(
        "parallelFolders",
        "excludeFolders",
        "folderMap",
        "maxMessageBytes",
        "badItemLimit",
        "deletedOnSource",
        "duplicateMatching");
    return new SyncSpec.Options(
        spec.integer("parallelFolders"),
        spec.texts("excludeFolders"),
        spec.textMap("folderMap"),
        spec.whole("maxMessageBytes"),
        spec.integer("badItemLimit"),
        spec.text("deletedOnSource"),
        spec.text("duplicateMatching"));
  }

  private static String kind(Object value) {
    if (value instanceof JsonToken token) {
      return switch (token) {
        case START_ARRAY -> "a list";
        case VALUE_STRING -> "a text";
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
        case VALUE_TRUE, VALUE_FALSE -> "true or false";
        default -> token.asString();
      };
    }
    if (value instanceof Map<?, ?>) {
      return "an object";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    if (value instanceof String text) {
      return "the text \"" + text + "\"";
    }
    if (value instanceof Boolean) {
      return value.toString();
    }
    return "the number " + value;
  }

  /** A JSON object of the spec and where it is ({@code mailboxes[0]}); its fields are read once. */
  private record Obj(String path, Map<String, Object> fields) {

    private String at(String name) {
      return path.isEmpty() ? name : path + "." + name;
    }

    /** Refuses a field not among {@code known}, naming the ones that are. */
    void only(String... known) {
      List<String> names = Arrays.asList(known);
      for (String name : fields.keySet()) {
        if (!names.contains(name)) {
          String[] sorted = known.clone();
          Arrays.sort(sorted);
          throw new SpecProblem(
              at(name)
                  + ": unknown field \""
                  + name
                  + "\" (known here: "
                  + String.join(", ", sorted)
                  + ")");
        }
      }
    }

    String text(String name) {
      Object value = fields.get(name);
      if (value == null || value instanceof String) {
        return (String) value;
      }
      throw new SpecProblem(at(name) + ": expected a text in quotes, not " + kind(value));
    }

    Integer integer(String name) {
      Long whole = whole(name);
      if (whole != null && (whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE)) {
        throw new SpecProblem(at(name) + ": " + whole + " is out of range");
      }
      return whole == null ? null : whole.intValue();
    }

    /** A whole number; a text of digits is taken as well. */
    Long whole(String name) {
      Object value = fields.get(name);
      if (value instanceof String text && isWholeNumber(text.strip())) {
        value = new BigInteger(text.strip());
      }
      if (value instanceof BigInteger big) {
        if (big.bitLength() >= 64) {
          throw new SpecProblem(at(name) + ": " + big + " is out of range");
        }
        value = big.longValue();
      }
      if (value == null || value instanceof Long) {
        return (Long) value;
      }
      throw new SpecProblem(at(name) + ": expected a whole number, not " + kind(value));
    }

    private static boolean isWholeNumber(String text) {
      int start = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
      if (text.length() <= start) {
        return false;
      }
      for (int i = start; i < text.length(); i++) {
        if (text.charAt(i) < '0' || text.charAt(i) > '9') {
          return false;
        }
      }
      return true;
    }

    Obj object(String name) {
      Object value = fields.get(name);
      return value == null ? null : asObject(at(name), value);
    }

    private static Obj asObject(String where, Object value) {
      if (value instanceof Map<?, ?> map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) map;
        return new Obj(where, fields);
      }
      throw new SpecProblem(where + ": expected an object ({ ... }), not " + kind(value));
    }

    /** The objects of a list; an entry written as {@code null} stays null. */
    List<Obj> objects(String name) {
      List<Object> items = list(name);
      List<Obj> objects = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        Object item = items.get(i);
        objects.add(item == null ? null : asObject(at(name) + "[" + i + "]", item));
      }
      return objects;
    }

    List<String> texts(String name) {
      if (fields.get(name) == null) {
        return null;
      }
      List<Object> items = list(name);
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        if (!(items.get(i) instanceof String text)) {
          throw new SpecProblem(
              at(name) + "[" + i + "]: expected a text in quotes, not " + kind(items.get(i)));
        }
        texts.add(text);
      }
      return texts;
    }

    Map<String, String> textMap(String name) {
      Obj map = object(name);
      if (map == null) {
        return null;
      }
      Map<String, String> texts = new LinkedHashMap<>();
      for (String key : map.fields().keySet()) {
        String text = map.text(key);
        if (text == null) {
          throw new SpecProblem(map.at(key) + ": expected a text in quotes, not null");
        }
        texts.put(key, text);
      }
      return texts;
    }

    private List<Object> list(String name) {
      Object value = fields.get(name);
      if (value == null) {
        return List.of();
      }
      if (value instanceof List<?> items) {
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) items;
        return list;
      }
      throw new SpecProblem(at(name) + ": expected a list ([ ... ]), not " + kind(value));
    }
  }
}
