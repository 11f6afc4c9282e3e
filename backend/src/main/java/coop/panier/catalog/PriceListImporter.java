package coop.panier.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import coop.panier.catalog.PriceList.Column;
import coop.panier.integrations.EventType;
import coop.panier.integrations.Outbox;
import coop.panier.common.Caller;
import coop.panier.common.ProblemException;
import coop.panier.members.MemberRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

/**
 * Imports a supplier's price list in the background, a chunk of lines per transaction, so that
 * a 10,000-line file neither blocks the request nor holds one long transaction, and its
 * progress can be followed. Each line creates or updates the product with its supplier
 * reference; a line that cannot be applied is rejected with its reason.
 * <p>
 * With several backend instances, an import is run by the one that claimed it, under a lease
 * renewed after each chunk; an instance that stops or dies stops renewing it, and another
 * resumes the import from the file kept in the database, after the lines already counted.
 */
@ApplicationScoped
public class PriceListImporter {

    private static final Logger LOG = Logger.getLogger(PriceListImporter.class);
    private static final int CHUNK = 250;
    static final int REJECTIONS_SHOWN = 1000;
    private static final BigDecimal MAX_PRICE_CENTS = BigDecimal.valueOf(10_000_000);
    private static final BigDecimal MAX_ORDER_STEP = BigDecimal.valueOf(1000);

    /** How long an import stays this instance's without news from it; renewed after each chunk. */
    static final int LEASE_SECONDS = 120;
    private static final int LOST = -1;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "price-list-import"));

    /** This process, as the owner of the imports it runs: a new one at each start. */
    private final UUID instance = UUID.randomUUID();

    /** Imports queued or running here. */
    private final AtomicInteger busy = new AtomicInteger();

    @Inject
    ProductRepository products;

    @Inject
    MemberRepository members;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    public PriceListImport start(Caller caller, UUID supplierId, String fileName, byte[] file) {
        PriceList list;
        try {
            list = PriceList.read(file);
        } catch (PriceList.NotAPriceList e) {
            throw ProblemException.invalidField("body", e.getMessage());
        }
        UUID startedBy = members.idOf(caller);
        PriceListImport started = QuarkusTransaction.requiringNew().call(() -> {
            if (Supplier.findById(supplierId) == null) {
                throw ProblemException.notFound("Aucun fournisseur ne porte cet identifiant.");
            }
            UUID id = UUID.randomUUID();
            // The file is kept with the import, for whichever instance has to finish it.
            em.createNativeQuery("""
                    insert into price_list_import (id, supplier_id, file_name, status, total_lines, started_by,
                                                   started_at, claimed_by, lease_until, content)
                    values (:id, :supplier, cast(:fileName as text), 'RUNNING', :total, cast(:startedBy as uuid),
                            :startedAt, :instance, now() + :lease * interval '1 second', :content)""")
                    .setParameter("id", id).setParameter("supplier", supplierId)
                    .setParameter("fileName", fileName == null || fileName.isBlank() ? null : fileName.strip())
                    .setParameter("total", list.lines().size()).setParameter("startedBy", startedBy)
                    .setParameter("startedAt", Instant.now()).setParameter("instance", instance)
                    .setParameter("lease", LEASE_SECONDS).setParameter("content", file).executeUpdate();
            return em.find(PriceListImport.class, id);
        });
        submit(started.id);
        return started;
    }

    public Optional<PriceListImport> find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> PriceListImport.<PriceListImport>findByIdOptional(id));
    }

    /** The first rejected lines, by line number. */
    public List<Object[]> rejections(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select line, reason from price_list_rejection where import_id = :id order by line", Object[].class)
                .setParameter("id", id).setMaxResults(REJECTIONS_SHOWN).getResultList());
    }

    /** Its imports stay claimed by this instance until their lease runs out; then another takes them up. */
    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    void onStart(@Observes StartupEvent start) {
        resumeAbandoned();
    }

    /**
     * Takes up an import whose instance stopped renewing its lease (it stopped or died), and
     * resumes it after the lines already processed. Only when this instance has nothing to
     * import, and one at a time: an import waiting here behind another would see its new lease
     * run out. SKIP LOCKED: two instances looking at once take different imports, and none takes
     * one whose chunk is being applied.
     */
    @Scheduled(every = "${panier.price-list-import.lease-check:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resumeAbandoned() {
        if (!idle() || worker.isShutdown()) {
            return;
        }
        UUID taken = QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> expired = em.createNativeQuery("""
                    select id from price_list_import where status = 'RUNNING' and lease_until < now()
                    order by lease_until limit 1 for update skip locked""", UUID.class).getResultList();
            if (expired.isEmpty()) {
                return null;
            }
            em.createNativeQuery("""
                    update price_list_import set claimed_by = :instance, lease_until = now() + :lease * interval '1 second'
                    where id = :id""").setParameter("instance", instance).setParameter("lease", LEASE_SECONDS)
                    .setParameter("id", expired.get(0)).executeUpdate();
            return expired.get(0);
        });
        if (taken != null) {
            LOG.infof("Price list import %s: its instance's lease ran out, resumed here", taken);
            submit(taken);
        }
    }

    boolean idle() {
        return busy.get() == 0;
    }

    UUID instance() {
        return instance;
    }

    private void submit(UUID importId) {
        busy.incrementAndGet();
        worker.submit(() -> {
            try {
                process(importId);
            } finally {
                busy.decrementAndGet();
            }
            resumeAbandoned();
        });
    }

    private void process(UUID importId) {
        try {
            List<byte[]> file = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "select content from price_list_import where id = :id and status = 'RUNNING' and claimed_by = :instance",
                    byte[].class).setParameter("id", importId).setParameter("instance", instance).getResultList());
            if (file.isEmpty()) {
                return;
            }
            List<PriceList.Line> lines = PriceList.read(file.get(0)).lines();
            UUID supplierId = find(importId).orElseThrow().supplierId;
            Map<String, UUID> categories = QuarkusTransaction.requiringNew().call(() -> {
                Map<String, UUID> byName = new HashMap<>();
                Category.<Category>listAll().forEach(c -> byName.putIfAbsent(PriceList.normalised(c.name), c.id));
                return byName;
            });
            int processed;
            do {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                try {
                    processed = QuarkusTransaction.requiringNew()
                            .call(() -> applyLines(importId, supplierId, categories, lines, CHUNK));
                } catch (RuntimeException chunkFailed) {
                    // A line the checks let through failed in the database (a product changed by
                    // someone meanwhile, most often): the chunk is rolled back, and redone line by
                    // line to find that line and apply all the others.
                    LOG.debugf(chunkFailed, "Price list import %s: a chunk is redone line by line", importId);
                    processed = 0;
                    for (int i = 0; i < CHUNK && processed != LOST && processed < lines.size(); i++) {
                        processed = applyAlone(importId, supplierId, categories, lines);
                    }
                }
            } while (processed != LOST && processed < lines.size());
            if (processed != LOST) {
                finish(importId, PriceListImport.Status.DONE);
            }
        } catch (RuntimeException | PriceList.NotAPriceList e) {
            LOG.errorf(e, "Price list import %s failed", importId);
            finish(importId, PriceListImport.Status.FAILED);
        }
    }

    /** The import, locked, while it is still this instance's to run; else null. */
    private PriceListImport owned(UUID importId) {
        PriceListImport run = em.find(PriceListImport.class, importId, LockModeType.PESSIMISTIC_WRITE);
        return run != null && run.status == PriceListImport.Status.RUNNING && instance.equals(run.claimedBy) ? run : null;
    }

    /**
     * Applies up to max lines from the first one not yet processed, counting them in the same
     * transaction, so that what is counted is exactly what was applied, and renews the lease;
     * returns the lines processed, or LOST when another instance has taken the import over.
     */
    private int applyLines(UUID importId, UUID supplierId, Map<String, UUID> categories, List<PriceList.Line> lines,
            int max) {
        PriceListImport run = owned(importId);
        if (run == null) {
            return LOST;
        }
        int from = run.processedLines;
        for (PriceList.Line line : lines.subList(from, Math.min(from + max, lines.size()))) {
            try {
                if (apply(supplierId, categories, line)) {
                    run.created++;
                } else {
                    run.updated++;
                }
            } catch (Rejected rejected) {
                reject(run, line, rejected.getMessage());
            }
            run.processedLines++;
        }
        em.createNativeQuery("update price_list_import set lease_until = now() + :lease * interval '1 second' where id = :id")
                .setParameter("lease", LEASE_SECONDS).setParameter("id", importId).executeUpdate();
        em.flush();
        return run.processedLines;
    }

    /**
     * The next line in its own transaction. Tried again when it fails, as it reads the product
     * afresh: changed or created by someone meanwhile, it is then applied over that; else rejected.
     */
    private int applyAlone(UUID importId, UUID supplierId, Map<String, UUID> categories, List<PriceList.Line> lines) {
        RuntimeException failure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> applyLines(importId, supplierId, categories, lines, 1));
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        RuntimeException last = failure;
        String reason = changedMeanwhile(failure) ? "produit modifié pendant l'import, ligne non appliquée : réimportez-la"
                : "ligne non appliquée à cause d'une erreur inattendue";
        return QuarkusTransaction.requiringNew().call(() -> {
            PriceListImport run = owned(importId);
            if (run == null) {
                return LOST;
            }
            PriceList.Line line = lines.get(run.processedLines);
            LOG.warnf(last, "Price list import %s: line %d rejected", importId, line.number());
            reject(run, line, reason);
            return ++run.processedLines;
        });
    }

    private static boolean changedMeanwhile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private void reject(PriceListImport run, PriceList.Line line, String reason) {
        run.rejected++;
        em.createNativeQuery("insert into price_list_rejection (import_id, line, reason) values (:id, :line, :reason)")
                .setParameter("id", run.id).setParameter("line", line.number()).setParameter("reason", reason)
                .executeUpdate();
    }

    /** Ends the import if it is still this instance's, and lets its file go. */
    private void finish(UUID importId, PriceListImport.Status status) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                int finished = em.createNativeQuery("""
                        update price_list_import
                        set status = :status, finished_at = :now, lease_until = null, content = null
                        where id = :id and status = 'RUNNING' and claimed_by = :instance""")
                        .setParameter("status", status.name()).setParameter("now", Instant.now())
                        .setParameter("id", importId).setParameter("instance", instance).executeUpdate();
                if (finished == 1) {
                    PriceListImport run = em.find(PriceListImport.class, importId);
                    em.refresh(run);
                    outbox.record(EventType.PRICE_LIST_IMPORT_FINISHED, importId, Map.of("importId", importId,
                            "supplierId", run.supplierId, "status", status.name(), "totalLines", run.totalLines,
                            "created", run.created, "updated", run.updated, "rejected", run.rejected));
                }
            });
        } catch (RuntimeException e) {
            // Its lease will run out, and another instance will try again.
            LOG.errorf(e, "Price list import %s could not be marked %s", importId, status);
        }
    }

    private static final class Rejected extends Exception {
        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }

    /** What one line asks for, every cell checked; null where the line leaves the product's value. */
    private record Change(String reference, long priceCents, String name, UUID categoryId, Product.Unit unit,
            BigDecimal orderStep, String vatRate, String description, String origin, Set<Product.Label> labels) {
    }

    /**
     * Applies one line; true when it created a product. The whole line is checked before the
     * product is touched: a rejected line must leave it as it was, and a product changed then
     * rejected would still be written when the chunk commits. The limits are those of a
     * product written through the API, so that an imported product can be edited there.
     */
    private boolean apply(UUID supplierId, Map<String, UUID> categories, PriceList.Line line) throws Rejected {
        Change change = check(categories, line);
        Product product = products.find("supplierId = ?1 and supplierReference = ?2", supplierId, change.reference())
                .firstResult();
        boolean created = product == null;
        if (created) {
            if (change.name() == null) {
                throw new Rejected("nom manquant pour un nouveau produit");
            }
            if (change.categoryId() == null) {
                throw new Rejected("catégorie manquante pour un nouveau produit");
            }
            product = new Product();
            product.id = UUID.randomUUID();
            product.supplierId = supplierId;
            product.supplierReference = change.reference();
            product.stockOnHand = BigDecimal.ZERO;
            product.unit = Product.Unit.PIECE;
            product.orderStep = BigDecimal.ONE;
            product.vatRate = "5.5";
            product.active = true;
            product.availableOnDrive = true;
        }
        product.priceCents = change.priceCents();
        product.name = given(change.name(), product.name);
        product.categoryId = given(change.categoryId(), product.categoryId);
        product.unit = given(change.unit(), product.unit);
        product.orderStep = given(change.orderStep(), product.orderStep);
        product.vatRate = given(change.vatRate(), product.vatRate);
        product.description = given(change.description(), product.description);
        product.origin = given(change.origin(), product.origin);
        if (change.labels() != null) {
            product.labels.clear();
            product.labels.addAll(change.labels());
        }
        if (created) {
            products.persist(product);
        }
        return created;
    }

    private static Change check(Map<String, UUID> categories, PriceList.Line line) throws Rejected {
        String reference = line.get(Column.REFERENCE);
        if (reference == null) {
            throw new Rejected("référence fournisseur manquante");
        }
        if (reference.length() > 60) {
            throw new Rejected("référence fournisseur trop longue (60 caractères au plus)");
        }
        String price = line.get(Column.PRICE);
        if (price == null) {
            throw new Rejected("prix manquant");
        }
        BigDecimal cents = PriceList.cents(price).orElseThrow(() -> new Rejected("prix illisible : « " + price + " »"));
        if (cents.compareTo(MAX_PRICE_CENTS) > 0) {
            throw new Rejected("prix trop élevé : « " + price + " » (100 000 € au plus)");
        }
        String category = line.get(Column.CATEGORY);
        UUID categoryId = category == null ? null : categories.get(PriceList.normalised(category));
        if (category != null && categoryId == null) {
            throw new Rejected("catégorie inconnue : « " + category + " »");
        }
        String step = line.get(Column.ORDER_STEP);
        BigDecimal orderStep = step == null ? null : PriceList.decimal(step)
                .filter(d -> d.signum() > 0 && d.compareTo(MAX_ORDER_STEP) <= 0 && d.stripTrailingZeros().scale() <= 3)
                .orElseThrow(() -> new Rejected("pas de commande illisible : « " + step + " »"));
        return new Change(reference, cents.longValueExact(), text(line, Column.NAME, "nom trop long", 120), categoryId,
                line.get(Column.UNIT) == null ? null : unit(line.get(Column.UNIT)), orderStep,
                line.get(Column.VAT) == null ? null : vat(line.get(Column.VAT)),
                text(line, Column.DESCRIPTION, "description trop longue", 2000),
                text(line, Column.ORIGIN, "origine trop longue", 120),
                line.get(Column.LABELS) == null ? null : labels(line.get(Column.LABELS)));
    }

    /** A cell that must fit its column; characters counted as PostgreSQL counts them. */
    private static String text(PriceList.Line line, Column column, String tooLong, int max) throws Rejected {
        String value = line.get(column);
        if (value != null && value.codePointCount(0, value.length()) > max) {
            throw new Rejected(tooLong + " (" + max + " caractères au plus)");
        }
        return value;
    }

    private static <T> T given(T fromLine, T current) {
        return fromLine != null ? fromLine : current;
    }

    private static Product.Unit unit(String value) throws Rejected {
        return switch (PriceList.normalised(value).replace(" ", "")) {
            case "piece", "pc", "pce", "u", "unite" -> Product.Unit.PIECE;
            case "kg", "kilo", "kilogramme" -> Product.Unit.KG;
            case "100g", "g100" -> Product.Unit.G100;
            case "l", "litre", "liter" -> Product.Unit.LITRE;
            default -> throw new Rejected("unité inconnue : « " + value + " »");
        };
    }

    private static String vat(String value) throws Rejected {
        String rate = value.replace("%", "").strip().replace(',', '.');
        return switch (rate) {
            case "5.5", "5.50" -> "5.5";
            case "10", "10.0" -> "10";
            case "20", "20.0" -> "20";
            default -> throw new Rejected("taux de TVA inconnu : « " + value + " »");
        };
    }

    private static Set<Product.Label> labels(String value) throws Rejected {
        Set<Product.Label> labels = EnumSet.noneOf(Product.Label.class);
        for (String raw : value.split("[,|/]")) {
            String label = PriceList.normalised(raw);
            if (label.isEmpty()) {
                continue;
            }
            labels.add(switch (label) {
                case "bio", "organic", "ab" -> Product.Label.ORGANIC;
                case "local" -> Product.Label.LOCAL;
                case "saison", "de saison", "seasonal" -> Product.Label.SEASONAL;
                case "artisanal" -> Product.Label.ARTISANAL;
                case "equitable", "commerce equitable", "fair trade", "fair_trade" -> Product.Label.FAIR_TRADE;
                default -> throw new Rejected("label inconnu : « " + raw.strip() + " »");
            });
        }
        return labels;
    }
}
