package coop.panier.memberships;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.BatchSize;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A barème: the brackets that set the yearly fee for the period from validFrom to validTo. */
@Entity
@Table(name = "membership_scale")
public class MembershipScale extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to", nullable = false)
    public LocalDate validTo;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "scale_bracket", joinColumns = @JoinColumn(name = "scale_id"))
    @OrderColumn(name = "position")
    // A page of scales (up to 200, and one to know there are more) reads its brackets in one query.
    @BatchSize(size = 256)
    public List<BracketRow> brackets = new ArrayList<>();

    @Version
    public long version;

    public Brackets toBrackets() {
        return Brackets.validate(brackets.stream().map(BracketRow::toBracket).toList(), new ArrayList<>());
    }

    @Embeddable
    public static class BracketRow {

        @Column(nullable = false)
        public String code;

        @Column(nullable = false)
        public String label;

        @Column(name = "upper_bound_cents")
        public Long upperBoundCents;

        @Column(name = "fee_cents", nullable = false)
        public long feeCents;

        static BracketRow of(Bracket bracket) {
            BracketRow row = new BracketRow();
            row.code = bracket.code();
            row.label = bracket.label();
            row.upperBoundCents = bracket.upperBoundCents();
            row.feeCents = bracket.feeCents();
            return row;
        }

        Bracket toBracket() {
            return new Bracket(code, label, upperBoundCents, feeCents);
        }
    }
}
