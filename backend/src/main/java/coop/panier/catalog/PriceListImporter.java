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
            for (int from = 0; from < lines.size(); from += CHUNK) {
                List<PriceList.Line> chunk = lines.subList(from, Math.min(from + CHUNK, lines.size()));
                QuarkusTransaction.requiringNew().run(() -> applyChunk(importId, supplierId, categories, chunk));
            }
            finish(importId, PriceListImport.Status.DONE);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Price list import %s failed", importId);
            finish(importId, PriceListImport.Status.FAILED);
        }
    }

    private void applyChunk(UUID importId, UUID supplierId, Map<String, UUID> categories, List<PriceList.Line> chunk) {
        PriceListImport run = PriceListImport.findById(importId);
        for (PriceList.Line line : chunk) {
            try {
                if (apply(supplierId, categories, line)) {
                    run.created++;
                } else {
                    run.updated++;
                }
            } catch (Rejected rejected) {
                run.rejected++;
                em.createNativeQuery("insert into price_list_rejection (import_id, line, reason) values (:id, :line, :reason)")
                        .setParameter("id", importId).setParameter("line", line.number())
                        .setParameter("reason", rejected.getMessage()).executeUpdate();
            }
            run.processedLines++;
        }
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

    /** Applies one line; true when it created a product. */
    private boolean apply(UUID supplierId, Map<String, UUID> categories, PriceList.Line line) throws Rejected {
        String reference = line.get(Column.REFERENCE);
        if (reference == null) {
            throw new Rejected("référence fournisseur manquante");
        }
        String price = line.get(Column.PRICE);
        if (price == null) {
            throw new Rejected("prix manquant");
        }
        long cents = PriceList.cents(price).orElseThrow(() -> new Rejected("prix illisible : « " + price + " »"));
        Product product = products.find("supplierId = ?1 and supplierReference = ?2", supplierId, reference)
                .firstResult();
        boolean created = product == null;
        if (created) {
            product = new Product();
            product.id = UUID.randomUUID();
            product.supplierId = supplierId;
            product.supplierReference = reference;
            product.stockOnHand = BigDecimal.ZERO;
            product.unit = Product.Unit.PIECE;
            product.orderStep = BigDecimal.ONE;
            product.vatRate = "5.5";
            product.active = true;
            product.availableOnDrive = true;
            if (line.get(Column.NAME) == null) {
                throw new Rejected("nom manquant pour un nouveau produit");
            }
            if (line.get(Column.CATEGORY) == null) {
                throw new Rejected("catégorie manquante pour un nouveau produit");
            }
        }
        product.priceCents = cents;
        if (line.get(Column.NAME) != null) {
            product.name = line.get(Column.NAME);
        }
        if (line.get(Column.CATEGORY) != null) {
            UUID category = categories.get(PriceList.normalised(line.get(Column.CATEGORY)));
            if (category == null) {
                throw new Rejected("catégorie inconnue : « " + line.get(Column.CATEGORY) + " »");
            }
            product.categoryId = category;
        }
        if (line.get(Column.UNIT) != null) {
            product.unit = unit(line.get(Column.UNIT));
        }
        if (line.get(Column.ORDER_STEP) != null) {
            product.orderStep = PriceList.decimal(line.get(Column.ORDER_STEP))
                    .filter(d -> d.signum() > 0 && d.stripTrailingZeros().scale() <= 3)
                    .orElseThrow(() -> new Rejected("pas de commande illisible : « " + line.get(Column.ORDER_STEP) + " »"));
        }
        if (line.get(Column.VAT) != null) {
            product.vatRate = vat(line.get(Column.VAT));
        }
        if (line.get(Column.DESCRIPTION) != null) {
            product.description = line.get(Column.DESCRIPTION);
        }
        if (line.get(Column.ORIGIN) != null) {
            product.origin = line.get(Column.ORIGIN);
        }
        if (line.get(Column.LABELS) != null) {
            product.labels.clear();
            product.labels.addAll(labels(line.get(Column.LABELS)));
        }
        if (product.name.length() > 120) {
            throw new Rejected("nom trop long (120 caractères au plus)");
        }
        if (created) {
            products.persist(product);
        }
        return created;
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
