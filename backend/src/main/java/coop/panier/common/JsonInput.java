package coop.panier.common;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import jakarta.inject.Inject;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The API's JSON is read as the contract writes it, with nothing guessed: 1.5 is not an integer,
 * no list holds null, and every string goes through {@link Text} (refused with its reason, or
 * absent when only spaces). Quantities are written 20, not 2E+1, once their trailing zeros are
 * stripped. A mapper of the REST layer's own: the application's mapper also reads tokens and
 * Keycloak's answers, where an empty string must stay one.
 */
@Provider
public class JsonInput implements ContextResolver<ObjectMapper> {

    private final ObjectMapper api;

    @Inject
    JsonInput(ObjectMapper application) {
        api = application.copy();
        customize(api);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return api;
    }

    /** A string that {@link Text} refuses; the message is the reason, shown beside the field. */
    public static class RefusedText extends JsonMappingException {
        RefusedText(JsonParser parser, String reason) {
            super(parser, reason);
        }
    }

    private static void customize(ObjectMapper mapper) {
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        mapper.registerModule(new SimpleModule("panier-text").addDeserializer(String.class, new CheckedText()));
    }

    private static final class CheckedText extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text == null) {
                return null;
            }
            String refusal = Text.refusal(text);
            if (refusal != null) {
                throw new RefusedText(parser, refusal);
            }
            return Text.blank(text) ? null : text;
        }
    }
}
