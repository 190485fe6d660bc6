package org.cutover.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MutableCoercionConfig;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.DurationDeserializer;
import java.io.IOException;
import java.time.Duration;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API reads JSON as written: {@code "security": 0}, {@code "allowPlaintext": -1}, {@code
 * "port": 1.5}, {@code "batchName": 5} or {@code "finalWait": 3600} are refused with the field
 * named, not turned into some value; content after the JSON value and unknown properties are
 * refused too.
 */
@Configuration(proxyBeanMethods = false)
class StrictScalars {

  private static final CoercionInputShape INTEGER = CoercionInputShape.Integer;
  private static final CoercionInputShape FLOAT = CoercionInputShape.Float;
  private static final CoercionInputShape BOOLEAN = CoercionInputShape.Boolean;
  private static final CoercionInputShape STRING = CoercionInputShape.String;

  @Bean
  Jackson2ObjectMapperBuilderCustomizer refuseCoercion() {
    return builder ->
        builder
            .featuresToDisable(
                MapperFeature.ALLOW_COERCION_OF_SCALARS, DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .featuresToEnable(
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .deserializerByType(Duration.class, new IsoDurationOnly())
            .postConfigurer(StrictScalars::refuseScalarConversions);
  }

  /** A duration only as ISO-8601 text: a bare number would be read as seconds. */
  static final class IsoDurationOnly extends StdScalarDeserializer<Duration> {

    IsoDurationOnly() {
      super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return (Duration) context.handleUnexpectedToken(Duration.class, parser);
      }
      return DurationDeserializer.INSTANCE.deserialize(parser, context);
    }
  }

  static void refuseScalarConversions(ObjectMapper json) {
    refuse(json.coercionConfigFor(LogicalType.Textual), INTEGER, FLOAT, BOOLEAN);
    refuse(json.coercionConfigFor(LogicalType.Enum), INTEGER, FLOAT, BOOLEAN);
    refuse(json.coercionConfigFor(LogicalType.Boolean), INTEGER, FLOAT, STRING);
    refuse(json.coercionConfigFor(LogicalType.Integer), FLOAT, BOOLEAN, STRING);
  }

  private static void refuse(MutableCoercionConfig config, CoercionInputShape... shapes) {
    for (CoercionInputShape shape : shapes) {
      config.setCoercion(shape, CoercionAction.Fail);
    }
  }
}
