package coop.panier.members;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import coop.panier.common.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * A member's own data (GDPR): the export of everything Panier holds about them, and the erasure
 * of a member who left. Both are logged in personal_data_action (who, when). The export reads the
 * rows as stored, so that a column added later is exported without anyone thinking of it.
 */
@ApplicationScoped
@Transactional
public class PersonalData {

    static final String PLACEHOLDER = "[anonymisé]";

    @Inject
    EntityManager em;

    @Inject
    MemberRepository members;

    @Inject
    SignInAccounts accounts;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    public record Export(String memberNumber, ObjectNode document) {
    }

    /** Everything about the member and their household; the other members of the household are left out. */
    public Export export(Member member) {
        ObjectNode document = json.createObjectNode();
        document.put("exportedAt", java.time.OffsetDateTime.now(clock).toString());
        UUID id = member.id;
        UUID household = member.householdId;
        log("EXPORT", id, id);
        document.set("profile", one("select to_jsonb(m)::text from member m where m.id = ?1", id));
        document.set("household", household == null ? null
                : one("select to_jsonb(h)::text from household h where h.id = ?1", household));
        document.set("statusHistory", all("select to_jsonb(c)::text from member_status_change c"
                + " where c.member_id = ?1 order by c.seq", id));
        document.set("memberships", household == null ? json.createArrayNode()
                : all("select to_jsonb(m)::text from membership m where m.household_id = ?1 order by m.period_start", household));
        document.set("accountEntries", household == null ? json.createArrayNode()
                : all("select to_jsonb(e)::text from ledger_entry e where e.household_id = ?1 order by e.seq", household));
        document.set("orders", all("""
                select (to_jsonb(o) || jsonb_build_object('lines', coalesce(
                    (select jsonb_agg(to_jsonb(l) order by l.product_name) from order_line l where l.order_id = o.id),
                    '[]'::jsonb)))::text
                  from customer_order o where o.member_id = ?1 order by o.placed_at""", id));
        document.set("waitlist", all("select to_jsonb(w)::text from waitlist_entry w where w.member_id = ?1", id));
        document.set("basket", all("select to_jsonb(b)::text from basket_line b where b.member_id = ?1", id));
        document.set("personalDataLog", all("select to_jsonb(a)::text from personal_data_action a"
                + " where a.member_id = ?1 order by a.seq", id));
        return new Export(member.memberNumber, document);
    }

    /**
     * Anonymises a member who left: names, e-mail and phone become a placeholder, their name
     * leaves the free texts of their history, their Keycloak account is deleted. Their orders,
     * account entries and memberships stay, attached to the anonymised member.
     */
    public Member erase(Member admin, UUID id) {
        Member member = em.find(Member.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (member == null) {
            throw ProblemException.notFound("Aucun adhérent ne porte cet identifiant.");
        }
        if (member.erasedAt != null) {
            throw ProblemException.conflict("L'adhérent " + member.memberNumber + " est déjà anonymisé.");
        }
        if (member.status != MemberStatus.LEFT) {
            throw ProblemException.conflict("Seul un adhérent parti peut être anonymisé ; " + member.memberNumber
                    + " est « " + member.status.french() + " ». Marquez d'abord son départ.");
        }
        Pattern traces = traces(member);
        // Declares the erasure to PostgreSQL, whose triggers let these history texts change, and nothing else.
        em.createNativeQuery("select set_config('panier.erasing_member', ?1, true)").setParameter(1, id.toString())
                .getSingleResult();
        scrub("member_status_change", "reason", "member_id", id, traces);
        scrub("customer_order", "cancel_reason", "member_id", id, traces);
        scrub("fundraiser", "title", "opened_by", id, traces);
        scrub("fundraiser", "description", "opened_by", id, traces);
        if (member.householdId != null) {
            scrub("ledger_entry", "reason", "household_id", member.householdId, traces);
            scrub("ledger_entry", "reference", "household_id", member.householdId, traces);
            renameHouseholdIfAlone(member);
        }
        String subject = member.keycloakSubject;
        member.firstName = "Anonyme";
        member.lastName = "";
        member.email = member.memberNumber.toLowerCase(Locale.ROOT) + "@anonyme.invalid";
        member.phone = null;
        member.keycloakSubject = null;
        member.erasedAt = clock.instant();
        em.createNativeQuery("delete from calendar_feed where member_id = ?1").setParameter(1, id).executeUpdate();
        em.flush();
        log("ERASURE", id, admin.id);
        accounts.remove(subject);
        return member;
    }

    /** The member's names, e-mail and phone, wherever they appear, whatever their case. */
    private static Pattern traces(Member member) {
        List<String> values = new ArrayList<>();
        values.add(member.email);
        values.add((member.firstName + " " + member.lastName).strip());
        values.add((member.lastName + " " + member.firstName).strip());
        values.add(member.lastName);
        values.add(member.firstName);
        if (member.phone != null) {
            values.add(member.phone);
        }
        String alternatives = values.stream().filter(v -> v != null && v.strip().length() >= 2)
                .map(v -> Pattern.quote(v.strip())).distinct().reduce((a, b) -> a + "|" + b).orElseThrow();
        return Pattern.compile(alternatives, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private void scrub(String table, String column, String owner, UUID ownerId, Pattern traces) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id::text, " + column + " from " + table + " where " + owner
                + " = ?1 and " + column + " is not null").setParameter(1, ownerId).getResultList();
        for (Object[] row : rows) {
            String text = (String) row[1];
            String scrubbed = traces.matcher(text).replaceAll(Matcher.quoteReplacement(PLACEHOLDER));
            if (!scrubbed.equals(text)) {
                em.createNativeQuery("update " + table + " set " + column + " = ?1 where id = cast(?2 as uuid)")
                        .setParameter(1, scrubbed).setParameter(2, row[0]).executeUpdate();
            }
        }
    }

    /** A household's name is often the member's; it changes only when nobody else is in it. */
    private void renameHouseholdIfAlone(Member member) {
        boolean alone = members.inHousehold(member.householdId).stream().allMatch(m -> m.id.equals(member.id));
        if (alone) {
            Household household = em.find(Household.class, member.householdId, LockModeType.PESSIMISTIC_WRITE);
            household.name = "Foyer " + member.memberNumber;
        }
    }

    private void log(String kind, UUID member, UUID by) {
        em.createNativeQuery("insert into personal_data_action (id, kind, member_id, performed_by) values (?1, ?2, ?3, ?4)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, kind).setParameter(3, member).setParameter(4, by)
                .executeUpdate();
        Log.infof("Personal data %s of member id %s by member id %s", kind, member, by);
    }

    private JsonNode one(String sql, UUID id) {
        List<JsonNode> rows = rows(sql, id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private ArrayNode all(String sql, UUID id) {
        ArrayNode array = json.createArrayNode();
        rows(sql, id).forEach(array::add);
        return array;
    }

    private List<JsonNode> rows(String sql, UUID id) {
        @SuppressWarnings("unchecked")
        List<String> texts = em.createNativeQuery(sql).setParameter(1, id).getResultList();
        List<JsonNode> rows = new ArrayList<>();
        for (String text : texts) {
            try {
                rows.add(camelCase(json.readTree(text)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("PostgreSQL returned a row that is not JSON", e);
            }
        }
        return rows;
    }

    /** PostgreSQL's column names, in the API's camelCase. */
    private JsonNode camelCase(JsonNode node) {
        if (node.isArray()) {
            ArrayNode array = json.createArrayNode();
            node.forEach(item -> array.add(camelCase(item)));
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode object = json.createObjectNode();
        node.fields().forEachRemaining(field -> object.set(camel(field.getKey()), camelCase(field.getValue())));
        return object;
    }

    private static String camel(String snake) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
