package coop.panier.memberships;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import coop.panier.api.model.FieldError;
import coop.panier.common.Cursor;
import coop.panier.common.ETags;
import coop.panier.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@ApplicationScoped
@Transactional
public class MembershipScaleService {

    @Inject
    MembershipScaleRepository scales;

    @Inject
    MembershipRepository memberships;

    @Inject
    Clock clock;

    public record Period(LocalDate from, LocalDate to) {
    }

    public record Quote(FeeQuote quote, MembershipScale scale) {
    }

    /** The fee of a scale for a household; the income is used here and forgotten. */
    public static Quote quote(MembershipScale scale, ConsumptionUnits units, long monthlyIncomeCents) {
        return new Quote(FeeQuote.compute(scale.toBrackets(), units, monthlyIncomeCents), scale);
    }

    /** The scale a membership period is priced with: the one in force on its `pricedOn` day. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MembershipScale pricing(MembershipPeriods.Period period) {
        return scales.inForceOn(period.pricedOn()).orElseThrow(() -> ProblemException.notFound(
                "Aucun barème n'est en vigueur le " + MembershipService.FRENCH_DATE.format(period.pricedOn())
                        + ", jour sur lequel cette adhésion est calculée : un administrateur doit d'abord définir"
                        + " le barème de cette période."));
    }

    public MembershipScale create(Period period, List<Bracket> brackets) {
        MembershipScale scale = new MembershipScale();
        scale.id = UUID.randomUUID();
        apply(scale, period, brackets);
        scales.persistAndFlush(scale);
        return scale;
    }

    public MembershipScale update(UUID id, String ifMatch, Period period, List<Bracket> brackets) {
        MembershipScale scale = get(id);
        ETags.requireCurrent(ifMatch, scale.version);
        if (inUse(scale)) {
            throw ProblemException.conflict("Des adhésions utilisent déjà ce barème : il ne peut plus changer."
                    + " Définissez-en un nouveau pour une période suivante.");
        }
        apply(scale, period, brackets);
        scales.flush();
        return scale;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MembershipScale get(UUID id) {
        return scales.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Aucun barème ne porte cet identifiant."));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean inUse(MembershipScale scale) {
        return memberships.anyUses(scale.id);
    }

    /** Which of these scales are in use, in one query whatever their number. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Set<UUID> inUse(List<MembershipScale> list) {
        return memberships.usedAmong(list.stream().map(s -> s.id).toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MembershipScale current() {
        return scales.inForceOn(LocalDate.now(clock))
                .orElseThrow(() -> ProblemException.notFound("Aucun barème n'est en vigueur aujourd'hui."));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Cursor.Slice<MembershipScale> page(Integer limit, String cursor) {
        record After(LocalDate from, UUID id) {
        }
        After after = Cursor.read(cursor, 2, key -> new After(LocalDate.parse(key.get(0)), UUID.fromString(key.get(1))));
        int size = Cursor.limit(limit);
        return Cursor.slice(scales.page(after == null ? null : after.from(), after == null ? null : after.id(), size + 1),
                size, s -> new String[] { s.validFrom.toString(), s.id.toString() });
    }

    private void apply(MembershipScale scale, Period period, List<Bracket> brackets) {
        List<FieldError> errors = new ArrayList<>();
        if (period.from().isAfter(period.to())) {
            errors.add(new FieldError().field("validTo").message("la fin de la période précède son début"));
        }
        Brackets.validate(brackets, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (scales.overlapsAnother(period.from(), period.to(), scale.id)) {
            throw ProblemException.conflict("Un autre barème couvre déjà une partie de cette période.");
        }
        scale.validFrom = period.from();
        scale.validTo = period.to();
        scale.brackets.clear();
        brackets.forEach(b -> scale.brackets.add(MembershipScale.BracketRow.of(b)));
    }
}
