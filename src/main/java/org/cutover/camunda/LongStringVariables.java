package org.cutover.camunda;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.variable.serializer.AbstractTypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Stores a String variable longer than the engine's text column (4000 characters, on H2 and
 * PostgreSQL alike) where it fits: in the engine's byte-array table, as UTF-8. It stays a String
 * everywhere else (Java API, REST, Tasklist, Cockpit, history); the history of submitted form
 * fields records such a value by its length only. Without it, the start form's mailbox list of more
 * than about 130 mailboxes failed with "exception in the persistence layer" before the runbook
 * could even look at it.
 */
@Component
class LongStringVariables extends AbstractProcessEnginePlugin {

  /** The length of the engine's {@code TEXT_} columns. */
  static final int TEXT_COLUMN_LENGTH = 4000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    @SuppressWarnings("rawtypes")
    List<TypedValueSerializer> serializers =
        configuration.getCustomPreVariableSerializers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreVariableSerializers());
    serializers.add(new LongStringSerializer());
    configuration.setCustomPreVariableSerializers(serializers);
    if (configuration.getHistoryEventProducer() == null) {
      configuration.setHistoryEventProducer(new ShortFormPropertyHistory());
    }
  }

  /**
   * A submitted form also records each String value in the history of form properties, whose text
   * column is as short: a long value is recorded there by its length, the variable keeps it whole.
   */
  static final class ShortFormPropertyHistory extends CacheAwareHistoryEventProducer {
    @Override
    public HistoryEvent createFormPropertyUpdateEvt(
        ExecutionEntity execution, String propertyId, String propertyValue, String taskId) {
      String recorded =
          propertyValue != null && propertyValue.length() > TEXT_COLUMN_LENGTH
              ? "("
                  + propertyValue.length()
                  + " characters, kept in the variable "
                  + propertyId
                  + ")"
              : propertyValue;
      return super.createFormPropertyUpdateEvt(execution, propertyId, recorded, taskId);
    }
  }

  /** Chosen before the engine's own String serializer, for the long values only. */
  static final class LongStringSerializer extends AbstractTypedValueSerializer<StringValue> {

    static final String NAME = "cutoverLongString";

    LongStringSerializer() {
      super(ValueType.STRING);
    }

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    protected boolean canWriteValue(TypedValue value) {
      return value.getValue() instanceof String text && text.length() > TEXT_COLUMN_LENGTH;
    }

    @Override
    public StringValue convertToTypedValue(UntypedValueImpl untypedValue) {
      return Variables.stringValue((String) untypedValue.getValue(), untypedValue.isTransient());
    }

    @Override
    public void writeValue(StringValue value, ValueFields fields) {
      fields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public StringValue readValue(ValueFields fields, boolean deserialize, boolean asTransient) {
      byte[] bytes = fields.getByteArrayValue();
      return Variables.stringValue(
          bytes == null ? null : new String(bytes, StandardCharsets.UTF_8), asTransient);
    }
  }
}
