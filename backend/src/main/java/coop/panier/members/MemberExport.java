package coop.panier.members;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import coop.panier.common.Csv;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The members as CSV. There is no income to leave out: none is ever kept. */
@ApplicationScoped
public class MemberExport {

    private static final String[] HEADER = { "Numéro", "Prénom", "Nom", "E-mail", "Téléphone", "Statut",
            "Adhérent depuis", "Foyer" };

    @Inject
    MemberRepository members;

    @Inject
    HouseholdRepository households;

    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] csv() {
        Map<UUID, String> householdNames = households.listAll().stream()
                .collect(Collectors.toMap(h -> h.id, h -> h.name));
        Csv csv = new Csv().row(HEADER);
        for (Member m : members.list("order by memberNumber")) {
            csv.row(m.memberNumber, m.firstName, m.lastName, m.email, m.phone, m.status.french(), m.joinedOn.toString(),
                    householdNames.get(m.householdId));
        }
        return csv.bytes();
    }
}
