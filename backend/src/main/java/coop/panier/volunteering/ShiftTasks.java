package coop.panier.volunteering;

import java.util.List;
import java.util.UUID;

import coop.panier.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The co-op's list of volunteer tasks. A shift or a template names one of them, written as the
 * list writes it (whatever case, accents or spaces the admin typed: « Preparation du Drive » is
 * « préparation du drive »), so that a task reads the same everywhere; the foreign keys of V35
 * refuse any other. Admins extend the list; nothing is removed from it.
 */
@ApplicationScoped
@Transactional
public class ShiftTasks {

    public record Task(UUID id, String name) {
    }

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Task> all() {
        List<Object[]> rows = em.createNativeQuery("select id, name from shift_task order by lower(name)", Object[].class)
                .getResultList();
        return rows.stream().map(r -> new Task((UUID) r[0], (String) r[1])).toList();
    }

    public Task add(String name) {
        String wanted = name.strip();
        if (canonical(wanted) != null) {
            throw ProblemException.conflict("La tâche « " + canonical(wanted) + " » existe déjà.");
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into shift_task (id, name) values (?1, ?2)").setParameter(1, id)
                .setParameter(2, wanted).executeUpdate();
        return new Task(id, wanted);
    }

    /** The task as the list writes it; a task not on the list is a 400 on `field`. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String require(String name, String field) {
        String listed = canonical(name.strip());
        if (listed == null) {
            throw ProblemException.invalidField(field, "« " + name.strip() + " » n'est pas une tâche de la coopérative : "
                    + "choisissez-en une de la liste (" + String.join(", ", all().stream().map(Task::name).toList())
                    + ") ou demandez à un·e admin de l'ajouter");
        }
        return listed;
    }

    private String canonical(String name) {
        List<String> found = em.createNativeQuery("select name from shift_task where plain_name(name) = plain_name(?1)",
                String.class)
                .setParameter(1, name).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }
}
