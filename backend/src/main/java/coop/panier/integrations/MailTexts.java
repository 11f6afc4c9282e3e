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

    @Inject
    coop.panier.workshops.WorkshopMailTexts workshops;

    @ConfigProperty(name = "panier.zone", defaultValue = "Europe/Paris")
    String zone;

    /** Where members open the SPA, for the links in mails. */
    @ConfigProperty(name = "panier.spa-url", defaultValue = "http://localhost:5173")
    String spaUrl;

    /** The template a type is written with: `mail/<template>.<lang>.txt` and `.html`. */
    static String template(String type) {
        if (type.startsWith("order.")) {
            return "order";
        }
        if (type.startsWith("shift.")) {
            return "shift";
        }
        if (type.startsWith("fundraiser.")) {
            return "fundraiser";
        }
        if (type.startsWith("workshop.")) {
            return "workshop";
        }
        if (type.startsWith("assembly.")) {
            return "assembly";
        }
        if (type.startsWith("proposal.")) {
            return "proposal";
        }
        return type.startsWith("waitlist.") ? "offer" : "membership";
    }

    String subject(String type, JsonNode payload, String lang) {
        boolean fr = lang.equals("fr");
        if (template(type).equals("shift")) {
            return shiftSubject(type, payload, fr);
        }
        if (template(type).equals("fundraiser")) {
            String title = payload.path("title").asText();
            return type.equals("fundraiser.reached")
                    ? (fr ? "Objectif atteint : « " + title + " »" : "Goal reached: \"" + title + "\"")
                    : (fr ? "Cagnotte close sans atteindre l'objectif : « " + title + " »"
                            : "Fundraiser closed short of its goal: \"" + title + "\"");
        }
        if (template(type).equals("workshop")) {
            return workshops.subject(type, payload, lang);
        }
        if (template(type).equals("assembly")) {
            String title = payload.path("title").asText();
            return type.equals("assembly.minutes_published") ? (fr ? "Compte rendu : " : "Minutes: ") + title
                    : (fr ? "Ordre du jour : " : "Agenda: ") + title;
        }
        if (template(type).equals("proposal")) {
            return proposalSubject(type, payload, fr);
        }
        long number = payload.path("number").asLong();
        return switch (type) {
            case "order.placed" -> fr ? "Commande n° " + number + " confirmée" : "Order no. " + number + " confirmed";
            case "order.changed" -> fr ? "Commande n° " + number + " modifiée" : "Order no. " + number + " changed";
            case "order.cancelled" -> fr ? "Commande n° " + number + " annulée" : "Order no. " + number + " cancelled";
            case "order.pickup_reminder" -> fr ? "Rappel : retrait de la commande n° " + number + " demain"
                    : "Reminder: order no. " + number + " is collected tomorrow";
            case "membership.joined" -> payload.path("leftToPayCents").asLong() > 0
                    ? (fr ? "Adhésion enregistrée : en attente de paiement" : "Membership recorded: awaiting payment")
                    : (fr ? "Adhésion enregistrée" : "Membership recorded");
            case "membership.expiring" -> fr ? "Votre adhésion se termine bientôt" : "Your membership ends soon";
            case "payment.recorded" -> fr ? "Reçu de votre paiement de " + money(payload.path("amountCents").asLong(), lang)
                    : "Receipt for your payment of " + money(payload.path("amountCents").asLong(), lang);
            default -> fr ? "Une place s'est libérée pour votre retrait" : "A pickup place is free for you";
        };
    }

    Map<String, Object> data(String type, JsonNode payload, String lang) {
        Locale locale = lang.equals("fr") ? Locale.FRENCH : Locale.ENGLISH;
        Map<String, Object> data = new HashMap<>();
        data.put("kind", type.substring(type.indexOf('.') + 1));
        data.put("ordersUrl", spaUrl + "/commandes");
        data.put("basketUrl", spaUrl + "/panier");
        data.put("membershipUrl", spaUrl + "/adhesion");
        data.put("accountUrl", spaUrl + "/compte");
        if (template(type).equals("membership")) {
            membership(payload, lang, locale, data);
            return data;
        }
        if (template(type).equals("shift")) {
            shift(payload, lang, locale, data);
            return data;
        }
        if (template(type).equals("fundraiser")) {
            data.put("title", payload.path("title").asText());
            data.put("goal", money(payload.path("goalCents").asLong(), lang));
            data.put("pledged", money(payload.path("pledgedCents").asLong(), lang));
            data.put("pledgers", payload.path("pledgers").asInt());
            data.put("fundraiserUrl", spaUrl + "/cagnottes/" + payload.path("fundraiserId").asText());
            return data;
        }
        if (template(type).equals("workshop")) {
            data.putAll(workshops.data(type, payload, lang));
            return data;
        }
        if (template(type).equals("assembly")) {
            assembly(payload, locale, data);
            return data;
        }
        if (template(type).equals("proposal")) {
            proposal(payload, lang, locale, data);
            return data;
        }
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

    /**
     * A membership's mail: its period and what is left to pay as the ledger says when the mail
     * is written (a receipt sent late still tells the truth), and for a payment what was paid.
     */
    private void membership(JsonNode payload, String lang, Locale locale, Map<String, Object> data) {
        UUID membershipId = UUID.fromString(payload.path("membershipId").asText());
        Object[] row = (Object[]) em.createNativeQuery("""
                select m.period_start, m.period_end, m.bracket_code,
                       (select coalesce(sum(l.amount_cents), 0) from ledger_entry l where l.membership_id = m.id)
                from membership m where m.id = ?1""", Object[].class).setParameter(1, membershipId).getSingleResult();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        data.put("periodStart", day.format(date(row[0])));
        data.put("periodEnd", day.format(date(row[1])));
        data.put("bracket", row[2]);
        data.put("leftToPay", money(Math.max(((Number) row[3]).longValue(), 0), lang));
        data.put("paidUp", ((Number) row[3]).longValue() <= 0);
        if (payload.has("amountCents")) {
            data.put("amount", money(payload.path("amountCents").asLong(), lang));
            data.put("method", method(payload.path("method").asText(), lang));
            data.put("paidOn", day.format(java.time.LocalDate.parse(payload.path("paidOn").asText())));
        }
    }

    private String shiftSubject(String type, JsonNode payload, boolean fr) {
        String task = payload.path("task").asText();
        String day = format("EEEE d MMMM", Instant.parse(payload.path("startsAt").asText()), fr ? Locale.FRENCH : Locale.ENGLISH);
        return switch (type) {
            case "shift.stand_in_wanted" -> fr ? "Remplaçant·e cherché·e : " + task + ", " + day
                    : "Stand-in wanted: " + task + ", " + day;
            case "shift.stand_in_found" -> fr ? "Vous êtes remplacé·e : " + task + ", " + day
                    : "Someone takes your seat: " + task + ", " + day;
            default -> fr ? "Il manque du monde : " + task + ", " + day : "Volunteers needed: " + task + ", " + day;
        };
    }

    /**
     * A shift's mail: where and when, the seats still free as the shift stands when the mail is
     * written, and for the member replaced the first name of their stand-in.
     */
    private void shift(JsonNode payload, String lang, Locale locale, Map<String, Object> data) {
        Object[] shift = (Object[]) em.createNativeQuery("select task, place, starts_at, ends_at, seats - taken, status"
                + " from shift where id = ?1", Object[].class)
                .setParameter(1, UUID.fromString(payload.path("shiftId").asText())).getSingleResult();
        data.put("task", shift[0]);
        data.put("place", shift[1]);
        data.put("day", format("EEEE d MMMM yyyy", (Instant) shift[2], locale));
        data.put("hours", format("HH:mm", (Instant) shift[2], locale) + "–" + format("HH:mm", (Instant) shift[3], locale));
        data.put("freeSeats", "OPEN".equals(shift[5]) ? Math.max(((Number) shift[4]).intValue(), 0) : 0);
        data.put("volunteeringUrl", spaUrl + "/benevolat");
        String standIn = null;
        if (payload.has("standInMemberId")) {
            List<?> names = em.createNativeQuery("select first_name from member where id = ?1 and erased_at is null")
                    .setParameter(1, UUID.fromString(payload.path("standInMemberId").asText())).getResultList();
            standIn = names.isEmpty() ? null : (String) names.get(0);
        }
        data.put("standIn", standIn);
    }

    /**
     * An assembly's mail: when and where, and its items as they stand when the mail is written
     * (with the decision taken in the room, for the minutes).
     */
    private void assembly(JsonNode payload, Locale locale, Map<String, Object> data) {
        UUID assemblyId = UUID.fromString(payload.path("assemblyId").asText());
        Object[] assembly = (Object[]) em.createNativeQuery("select title, place, starts_at, ends_at from assembly where id = ?1",
                Object[].class).setParameter(1, assemblyId).getSingleResult();
        data.put("title", assembly[0]);
        data.put("place", assembly[1]);
        data.put("day", format("EEEE d MMMM yyyy", (Instant) assembly[2], locale));
        data.put("hours", format("HH:mm", (Instant) assembly[2], locale) + "–" + format("HH:mm", (Instant) assembly[3], locale));
        data.put("assemblyUrl", spaUrl + "/assemblees/" + assemblyId);
        List<Object[]> rows = em.createNativeQuery("""
                select i.title, i.duration_minutes, m.first_name, i.decision from agenda_item i join member m on m.id = i.author_id
                where i.assembly_id = ?1 and i.status = 'PROPOSED' order by i.submitted_at, i.id""", Object[].class)
                .setParameter(1, assemblyId).getResultList();
        List<Map<String, Object>> items = new ArrayList<>();
        rows.forEach(r -> items.add(Map.of("title", r[0], "minutes", r[1], "author", r[2], "decision", r[3])));
        data.put("items", items);
    }

    private String proposalSubject(String type, JsonNode payload, boolean fr) {
        String title = payload.path("title").asText();
        return switch (type) {
            case "proposal.opened" -> (fr ? "Nouvelle proposition : " : "New proposal: ") + title;
            case "proposal.closing_soon" -> (fr ? "Plus que 48 h pour répondre : " : "48 hours left to respond: ") + title;
            case "proposal.round_started" -> (fr ? "Nouveau tour : " : "New round: ") + title;
            case "proposal.review_due" -> (fr ? "Bilan de la décision : " : "Review of the decision: ") + title;
            default -> ("ADOPTED".equals(payload.path("status").asText()) ? (fr ? "Adoptée : " : "Adopted: ")
                    : (fr ? "Non adoptée : " : "Not adopted: ")) + title;
        };
    }

    /**
     * A proposal's mail: its title, its group, its deadline, and for a decision why; the outcome
     * as recorded when the mail is written.
     */
    private void proposal(JsonNode payload, String lang, Locale locale, Map<String, Object> data) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select p.title, g.name, p.deadline, p.round, p.outcome_action, p.review_on
                from proposal p left join working_group g on g.id = p.group_id where p.id = ?1""", Object[].class)
                .setParameter(1, UUID.fromString(payload.path("proposalId").asText())).getSingleResult();
        data.put("title", row[0]);
        data.put("group", row[1]);
        data.put("deadline", format(lang.equals("fr") ? "EEEE d MMMM 'à' HH'h'mm" : "EEEE d MMMM 'at' HH:mm", (Instant) row[2], locale));
        data.put("round", ((Number) row[3]).intValue());
        data.put("status", payload.path("status").asText());
        data.put("rejection", payload.path("rejection").asText(""));
        data.put("action", row[4]);
        data.put("reviewOn", row[5] == null ? null : DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(date(row[5])));
        data.put("proposalUrl", spaUrl + "/decisions/" + payload.path("proposalId").asText());
    }

    private static java.time.LocalDate date(Object value) {
        return value instanceof java.time.LocalDate date ? date : ((java.sql.Date) value).toLocalDate();
    }

    private static String method(String method, String lang) {
        boolean fr = lang.equals("fr");
        return switch (method) {
            case "CASH" -> fr ? "espèces" : "cash";
            case "CHEQUE" -> fr ? "chèque" : "cheque";
            case "TRANSFER" -> fr ? "virement" : "bank transfer";
            default -> fr ? "carte" : "card";
        };
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
