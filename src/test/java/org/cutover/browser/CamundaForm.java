package org.cutover.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A Camunda Form (form-js) as Tasklist shows it, filled in by the keys of its fields. Tasklist's
 * form-js names each input after the field's component id ({@code fjs-form-<random>-Field_021}),
 * not its key, so the form's own definition in {@code forms/} tells which input holds which key.
 */
final class CamundaForm {

  /** One field of the form's definition. */
  record Field(String key, String id, String type, boolean required, Map<String, String> options) {

    /** The label Tasklist shows for one of a select's values. */
    String label(String value) {
      String label = options.get(value);
      if (label == null) {
        throw new IllegalArgumentException(key + " has no value " + value + ": " + options);
      }
      return label;
    }
  }

  private final BrowserSession browser;
  private final String formId;
  private final Map<String, Field> fields;
  private final Map<String, String> typed = new LinkedHashMap<>();

  private CamundaForm(BrowserSession browser, String formId, Map<String, Field> fields) {
    this.browser = browser;
    this.formId = formId;
    this.fields = fields;
  }

  /** The form {@code forms/<name>.form} as shown in the browser now (waits until it is). */
  static CamundaForm shown(BrowserSession browser, String name) {
    JsonNode definition;
    try (InputStream in =
        CamundaForm.class.getClassLoader().getResourceAsStream("forms/" + name + ".form")) {
      if (in == null) {
        throw new IllegalArgumentException("No form forms/" + name + ".form on the class path");
      }
      definition = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read forms/" + name + ".form", e);
    }
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(definition.path("components"), fields);
    CamundaForm form = new CamundaForm(browser, definition.path("id").asText(), fields);
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    return form;
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode component : components) {
      collect(component.path("components"), fields);
      if (!component.hasNonNull("key")) {
        continue;
      }
      Map<String, String> options = new LinkedHashMap<>();
      component
          .path("values")
          .forEach(
              value -> options.put(value.path("value").asText(), value.path("label").asText()));
      String key = component.get("key").asText();
      fields.put(
          key,
          new Field(
              key,
              component.path("id").asText(),
              component.path("type").asText(),
              component.path("validate").path("required").asBoolean(false),
              options));
    }
  }

  /**
   * Replaces what the text field, text area or number field {@code key} holds with {@code text}.
   */
  CamundaForm type(String key, String text) {
    // A field that a condition has just shown can be drawn again right after it appeared, losing
    // what was typed into its first drawing: type until the field holds the text.
    browser.until(
        driver -> {
          WebElement input = input(key);
          if (!text.equals(input.getDomProperty("value"))) {
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            input.sendKeys(text);
          }
          return text.equals(input(key).getDomProperty("value"));
        });
    typed.put(key, text);
    return this;
  }

  /**
   * Picks {@code day} in the date field {@code key} as a person types it into the date picker
   * (month/day/year as the picker shows it, such as 12/7/2026, then Tab); the form keeps it as an
   * ISO day.
   */
  CamundaForm pickDate(String key, java.time.LocalDate day) {
    String text = day.format(java.time.format.DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT));
    By picker = By.cssSelector("input[id*='-" + field(key).id() + "']");
    browser.until(
        driver -> {
          WebElement input = browser.until(ExpectedConditions.elementToBeClickable(picker));
          if (!text.equals(input.getDomProperty("value"))) {
            click(input);
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            input.sendKeys(text, Keys.TAB);
          }
          return text.equals(driver.findElement(picker).getDomProperty("value"));
        });
    return this;
  }

  /**
   * Waits until every field typed into still holds its text, typing again into any that a later
   * choice drew anew and emptied. Call it before the form is submitted.
   */
  CamundaForm holdsWhatWasTyped() {
    browser.until(
        driver -> {
          boolean all = true;
          for (Map.Entry<String, String> entry : typed.entrySet()) {
            WebElement input = input(entry.getKey());
            if (!entry.getValue().equals(input.getDomProperty("value"))) {
              input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
              input.sendKeys(entry.getValue());
              all = false;
            }
          }
          return all;
        });
    return this;
  }

  /** What the field {@code key} holds now. */
  String value(String key) {
    return input(key).getDomProperty("value");
  }

  /** Ticks the checkbox {@code key} unless it is ticked. */
  CamundaForm tick(String key) {
    WebElement box = input(key);
    if (!box.isSelected()) {
      click(box);
    }
    return this;
  }

  /** Picks {@code value} in the select {@code key}, as a person does: open it, click the label. */
  CamundaForm choose(String key, String value) {
    Field field = field(key);
    String label = field.label(value);
    WebElement display = browser.find(By.cssSelector("[id$='-" + field.id() + "-display']"));
    click(display);
    WebElement item =
        browser.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)="
                        + xpathText(label)
                        + "]")));
    item.click();
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[id$='-" + field.id() + "-display']"), label));
    return this;
  }

  /**
   * Confirms what the task asks: ticks every required checkbox shown and picks the first value of
   * every required select shown that has none. Works however a task's form grows.
   */
  CamundaForm confirmEverything() {
    for (Field field : fields.values()) {
      if (!field.required() || !shown(field)) {
        continue;
      }
      if (field.type().equals("checkbox")) {
        tick(field.key());
      } else if (field.type().equals("select")
          && !field.options().isEmpty()
          && value(field.key()).isEmpty()) {
        choose(field.key(), field.options().keySet().iterator().next());
      }
    }
    return this;
  }

  private boolean shown(Field field) {
    return !browser.driver().findElements(By.cssSelector("[id$='-" + field.id() + "']")).isEmpty();
  }

  private Field field(String key) {
    Field field = fields.get(key);
    if (field == null) {
      throw new IllegalArgumentException("Form " + formId + " has no field " + key);
    }
    return field;
  }

  private WebElement input(String key) {
    return browser.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[id$='-" + field(key).id() + "']")));
  }

  private void click(WebElement element) {
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    browser.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  private static String xpathText(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }
}
