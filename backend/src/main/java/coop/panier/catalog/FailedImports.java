package coop.panier.catalog;

import java.time.Instant;
import java.util.UUID;

import coop.panier.common.Few;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * For the admins' dashboard: the suppliers whose latest price-list import failed. An import
 * that worked since settles the failure before it, so nothing stays there for ever.
 */
@ApplicationScoped
public class FailedImports {

    public record Failed(UUID importId, UUID supplierId, String supplierName, String fileName, Instant startedAt) {
    }

    private static final String FAILED = """
            select latest.id, latest.supplier_id, s.name, latest.file_name, latest.started_at, count(*) over ()
            from (select distinct on (i.supplier_id) i.id, i.supplier_id, i.file_name, i.started_at, i.status
                  from price_list_import i
                  order by i.supplier_id, i.started_at desc, i.id desc) latest
            join supplier s on s.id = latest.supplier_id
            where latest.status = 'FAILED'
            order by latest.started_at desc, latest.id
            limit ?1
            """;

    @Inject
    EntityManager em;

    /** How many suppliers, and the few latest failures. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Few<Failed> few(int few) {
        return Few.ask(em, FAILED, r -> new Failed((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                (Instant) r[4]), few);
    }
}
