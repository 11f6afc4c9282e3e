package coop.panier.integrations;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** What a mail says, in French or English: its subject, and the values its templates show. */
@ApplicationScoped
public class MailTexts {

    @Inject
    EntityManager em;

    @ConfigProperty(name = "panier.zone", defaultValue = "Europe/Paris")
    String zone;

    /** Where members open the SPA, for the links in mails. */
    @ConfigProperty(name = "panier.spa-url", defaultValue = "http://localhost:5173")
    String spaUrl;

    String subject(String type, JsonNode payload, String lang) {
        boolean fr = lang.equals("fr");
        long number = payload.path("number").asLong();
        return switch (type) {
            case "order.placed" -> fr ? "Commande n° " + number + " confirmée" : "Order no. " + number + " confirmed";
            case "order.changed" -> fr ? "Commande n° " + number + " modifiée" : "Order no. " + number + " changed";
            case "order.cancelled" -> fr ? "Commande n° " + number + " annulée" : "Order no. " + number + " cancelled";
            default -> fr ? "Une place s'est libérée pour votre retrait" : "A pickup place is free for you";
        };
    }

    Map<String, Object> data(String type, JsonNode payload, String lang) {
        Locale locale = lang.equals("fr") ? Locale.FRENCH : Locale.ENGLISH;
        Map<String, Object> data = new HashMap<>();
        data.put("kind", type.substring(type.indexOf('.') + 1));
        data.put("ordersUrl", spaUrl + "/commandes");
        data.put("basketUrl", spaUrl + "/panier");
        Object[] slot = (Object[]) em.createNativeQuery(
                "select place, starts_at, ends_at, order_deadline from pickup_slot where id = ?1", Object[].class)
                .setParameter(1, UUID.fromString(payload.path("slotId").asText())).getSingleResult();
        data.put("place", slot[0]);
        data.put("day", format("EEEE d MMMM yyyy", (Instant) slot[1], locale));
        data.put("hours", format("HH:mm", (Instant) slot[1], locale) + "–" + format("HH:mm", (Instant) slot[2], locale));
        data.put("deadline", format(lang.equals("fr") ? "EEEE d MMMM 'à' HH'h'mm" : "EEEE d MMMM 'at' HH:mm", (Instant) slot[3], locale));
        data.put("number", payload.path("number").asLong());
        data.put("total", money(payload.path("totalCents").asLong(), lang));
        data.put("reason", payload.path("reason").isMissingNode() ? null : payload.path("reason").asText());
        if (payload.has("offerUntil")) {
            data.put("offerUntil", format(lang.equals("fr") ? "EEEE d MMMM 'à' HH'h'mm" : "EEEE d MMMM 'at' HH:mm",
                    Instant.parse(payload.path("offerUntil").asText()), locale));
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        payload.path("lines").forEach(line -> lines.add(Map.of("name", line.path("productName").asText(),
                "quantity", quantity(line.path("quantity").decimalValue(), lang),
                "price", money(line.path("unitPriceCents").asLong(), lang))));
        data.put("lines", lines);
        return data;
    }

    private String format(String pattern, Instant instant, Locale locale) {
        return DateTimeFormatter.ofPattern(pattern, locale).format(instant.atZone(ZoneId.of(zone)));
    }

    static String money(long cents, String lang) {
        String amount = cents / 100 + (lang.equals("fr") ? "," : ".") + String.format("%02d", Math.abs(cents % 100));
        return lang.equals("fr") ? amount + " €" : "€" + amount;
    }

    static String quantity(BigDecimal quantity, String lang) {
        String plain = quantity.stripTrailingZeros().toPlainString();
        return lang.equals("fr") ? plain.replace('.', ',') : plain;
    }
}
