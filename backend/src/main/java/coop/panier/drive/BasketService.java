package coop.panier.drive;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import coop.panier.catalog.Product;
import coop.panier.common.Caller;
import coop.panier.common.ProblemException;
import coop.panier.members.Member;
import coop.panier.members.MemberRepository;
import coop.panier.members.MemberService;
import coop.panier.members.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * A member's basket, kept on the server so that it follows them from phone to computer. It
 * reserves nothing: stock and a place are taken when the order is placed.
 */
@ApplicationScoped
public class BasketService {

    @Inject
    EntityManager em;

    @Inject
    MemberRepository members;

    @Inject
    MemberService memberService;

    /** A line at today's price, and whether it can still be ordered as it is. */
    public record Line(Product product, BigDecimal quantity) {

        public long totalCents() {
            return OrderLine.totalCents(quantity, product.priceCents);
        }

        public boolean available() {
            return product.active && product.availableOnDrive && product.available().compareTo(quantity) >= 0;
        }
    }

    @Transactional
    public List<Line> get(Person person) {
        return lines(member(person));
    }

    @Transactional
    public List<Line> replace(Person person, List<OrderService.Line> lines) {
        Member member = member(person);
        Map<UUID, Product> products = products(lines.stream().map(OrderService.Line::productId).toList());
        Map<UUID, BigDecimal> wanted = OrderService.validated(lines, products);
        em.createNativeQuery("delete from basket_line where member_id = ?1").setParameter(1, member.id).executeUpdate();
        wanted.forEach((id, quantity) -> upsert(member.id, id, quantity));
        return lines(member);
    }

    @Transactional
    public List<Line> set(Person person, UUID productId, BigDecimal quantity) {
        Member member = member(person);
        Product product = em.find(Product.class, productId);
        if (product == null || !product.active) {
            throw ProblemException.notFound("Aucun produit ne porte cet identifiant.");
        }
        if (quantity.signum() == 0) {
            em.createNativeQuery("delete from basket_line where member_id = ?1 and product_id = ?2")
                    .setParameter(1, member.id).setParameter(2, productId).executeUpdate();
        } else {
            OrderService.validated(List.of(new OrderService.Line(productId, quantity)), Map.of(productId, product));
            upsert(member.id, productId, quantity);
        }
        return lines(member);
    }

    @Transactional
    public void empty(Person person) {
        em.createNativeQuery("delete from basket_line where member_id = ?1").setParameter(1, member(person).id)
                .executeUpdate();
    }

    private void upsert(UUID memberId, UUID productId, BigDecimal quantity) {
        em.createNativeQuery("insert into basket_line (member_id, product_id, quantity) values (?1, ?2, ?3)"
                + " on conflict (member_id, product_id) do update set quantity = excluded.quantity")
                .setParameter(1, memberId).setParameter(2, productId).setParameter(3, quantity).executeUpdate();
    }

    private List<Line> lines(Member member) {
        List<Object[]> rows = em.createNativeQuery(
                "select product_id, quantity from basket_line where member_id = ?1 order by added_at, product_id",
                Object[].class).setParameter(1, member.id).getResultList();
        Map<UUID, Product> products = products(rows.stream().map(r -> (UUID) r[0]).toList());
        return rows.stream().map(r -> new Line(products.get((UUID) r[0]), (BigDecimal) r[1])).toList();
    }

    private Map<UUID, Product> products(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("from Product p where p.id in :ids", Product.class).setParameter("ids", ids)
                .getResultList().stream().collect(Collectors.toMap(p -> p.id, p -> p));
    }

    /** The caller's member, linked on this first call if need be, as `/me` would. */
    private Member member(Person person) {
        memberService.current(person);
        return members.findBySubject(person.subject()).orElseThrow();
    }
}
