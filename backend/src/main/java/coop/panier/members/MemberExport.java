package coop.panier.members;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The members as a CSV that spreadsheets set up for French open as is: semicolons, UTF-8 with a
 * byte order mark. There is no income to leave out: none is ever kept.
 */
@ApplicationScoped
public class MemberExport {

    private static final String HEADER = "Numéro;Prénom;Nom;E-mail;Téléphone;Statut;Adhérent depuis;Foyer";

    @Inject
    MemberRepository members;

    @Inject
    HouseholdRepository households;

    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] csv() {
        Map<UUID, String> householdNames = households.listAll().stream()
                .collect(Collectors.toMap(h -> h.id, h -> h.name));
        List<Member> all = members.list("order by memberNumber");
        StringBuilder out = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        Function<String, String> cell = MemberExport::cell;
        for (Member m : all) {
            out.append(String.join(";", cell.apply(m.memberNumber), cell.apply(m.firstName), cell.apply(m.lastName),
                    cell.apply(m.email), cell.apply(m.phone), cell.apply(m.status.french()),
                    cell.apply(m.joinedOn.toString()), cell.apply(householdNames.get(m.householdId)))).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Quoted when it holds a separator, a quote or a line break; a leading formula sign is defused. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("^\\+?[0-9 .()-]+$")) {
            v = "'" + v;
        }
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
