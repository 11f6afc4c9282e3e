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

import coop.panier.catalog.PriceList.Column;
import coop.panier.common.Caller;
import coop.panier.common.ProblemException;
import coop.panier.members.MemberRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
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
 */
@ApplicationScoped
public class PriceListImporter {

    private static final Logger LOG = Logger.getLogger(PriceListImporter.class);
    private static final int CHUNK = 250;
    static final int REJECTIONS_SHOWN = 1000;
    private static final BigDecimal MAX_PRICE_CENTS = BigDecimal.valueOf(10_000_000);
    private static final BigDecimal MAX_ORDER_STEP = BigDecimal.valueOf(1000);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "price-list-import"));

    @Inject
    ProductRepository products;

    @Inject
    MemberRepository members;

    @Inject
    EntityManager em;

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
            PriceListImport run = new PriceListImport();
            run.id = UUID.randomUUID();
            run.supplierId = supplierId;
            run.fileName = fileName == null || fileName.isBlank() ? null : fileName.strip();
            run.status = PriceListImport.Status.RUNNING;
            run.totalLines = list.lines().size();
            run.startedBy = startedBy;
            run.startedAt = Instant.now();
            run.persist();
            return run;
        });
        worker.submit(() -> process(started.id, supplierId, list.lines()));
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

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** An import still running when the application stopped will never finish: say so. */
    void abandonUnfinished(@Observes StartupEvent start) {
        int abandoned = QuarkusTransaction.requiringNew().call(() -> PriceListImport.update(
                "status = ?1, finishedAt = ?2 where status = ?3",
                PriceListImport.Status.FAILED, Instant.now(), PriceListImport.Status.RUNNING));
        if (abandoned > 0) {
            LOG.warnf("%d price list import(s) were interrupted by a restart and are marked failed", abandoned);
        }
    }

    private void process(UUID importId, UUID supplierId, List<PriceList.Line> lines) {
        try {
            Map<String, UUID> categories = QuarkusTransaction.requiringNew().call(() -> {
                Map<String, UUID> byName = new HashMap<>();
                Category.<Category>listAll().forEach(c -> byName.putIfAbsent(PriceList.normalised(c.name), c.id));
                return byName;
            });
            int processed = 0;
            while (processed < lines.size()) {
                int from = processed;
                try {
                    processed = QuarkusTransaction.requiringNew()
                            .call(() -> applyLines(importId, supplierId, categories, lines, from, CHUNK));
                } catch (RuntimeException chunkFailed) {
                    // A line the checks let through failed in the database (a product changed by
                    // someone meanwhile, most often): the chunk is rolled back, and redone line by
                    // line to find that line and apply all the others.
                    LOG.debugf(chunkFailed, "Price list import %s: lines from %d redone one by one", importId, from);
                    for (int end = Math.min(from + CHUNK, lines.size()); processed < end;) {
                        processed = applyAlone(importId, supplierId, categories, lines, processed);
                    }
                }
            }
            finish(importId, PriceListImport.Status.DONE);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Price list import %s failed", importId);
            finish(importId, PriceListImport.Status.FAILED);
        }
    }

    /**
     * Applies up to max lines from the first one not yet processed, counting them in the same
     * transaction, so that what is counted is exactly what was applied; returns the lines processed.
     */
    private int applyLines(UUID importId, UUID supplierId, Map<String, UUID> categories, List<PriceList.Line> lines,
            int from, int max) {
        PriceListImport run = em.find(PriceListImport.class, importId, LockModeType.PESSIMISTIC_WRITE);
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
        em.flush();
        return run.processedLines;
    }

    /**
     * One line in its own transaction. Tried again when it fails, as it reads the product afresh:
     * changed or created by someone meanwhile, it is then applied over that; else rejected.
     */
    private int applyAlone(UUID importId, UUID supplierId, Map<String, UUID> categories, List<PriceList.Line> lines,
            int index) {
        RuntimeException failure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return QuarkusTransaction.requiringNew()
                        .call(() -> applyLines(importId, supplierId, categories, lines, index, 1));
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        LOG.warnf(failure, "Price list import %s: line %d rejected", importId, lines.get(index).number());
        String reason = changedMeanwhile(failure) ? "produit modifié pendant l'import, ligne non appliquée : réimportez-la"
                : "ligne non appliquée à cause d'une erreur inattendue";
        return QuarkusTransaction.requiringNew().call(() -> {
            PriceListImport run = em.find(PriceListImport.class, importId, LockModeType.PESSIMISTIC_WRITE);
            reject(run, lines.get(index), reason);
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

    private static void finish(UUID importId, PriceListImport.Status status) {
        QuarkusTransaction.requiringNew().run(() -> {
            PriceListImport run = PriceListImport.findById(importId);
            run.status = status;
            run.finishedAt = Instant.now();
        });
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
