package coop.panier.fundraisers;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import coop.panier.api.model.FundraiserPerson;
import coop.panier.api.model.FundraiserPledge;
import coop.panier.api.model.FundraiserStatus;
import coop.panier.api.model.OwnPledge;
import coop.panier.api.model.PledgeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Between fundraisers, pledges and their API representation, in the co-op's time zone. */
@ApplicationScoped
class FundraiserMapper {

    @Inject
    Clock clock;

    coop.panier.api.model.Fundraiser toApi(Fundraisers.View v) {
        Fundraiser f = v.fundraiser();
        Pledges.Pledge mine = v.mine();
        return new coop.panier.api.model.Fundraiser()
                .id(f.id)
                .title(f.title)
                .description(f.description)
                .goalCents(f.goalCents)
                .currency(coop.panier.api.model.Fundraiser.CurrencyEnum.EUR)
                .deadline(time(f.deadline))
                .status(FundraiserStatus.fromValue(v.status().name()))
                .openedAt(time(f.openedAt))
                .openedBy(person(v.openedBy().memberId(), v.openedBy().firstName(), v.openedBy().lastName()))
                .pledgedCents(v.totals().pledgedCents())
                .percent(v.percent())
                .pledgers(v.totals().pledgers())
                .reachedAt(f.reachedAt == null ? null : time(f.reachedAt))
                .myPledge(mine == null ? null : new OwnPledge()
                        .amountCents(mine.amountCents())
                        .anonymous(mine.anonymous())
                        .status(status(mine.status(), v.status()))
                        .pledgedAt(time(mine.pledgedAt())));
    }

    /** The pledger's name unless they chose to be anonymous: admins and the pledger themselves always see it. */
    FundraiserPledge toApi(Pledges.Pledge p, Fundraiser.Status fundraiser, UUID me, boolean admin) {
        boolean mine = p.memberId().equals(me);
        return new FundraiserPledge()
                .id(p.id())
                .amountCents(p.amountCents())
                .anonymous(p.anonymous())
                .status(status(p.status(), fundraiser))
                .pledgedAt(time(p.pledgedAt()))
                .pledger(!p.anonymous() || admin || mine ? person(p.memberId(), p.firstName(), p.lastName()) : null)
                .mine(mine);
    }

    /** A promise to a fundraiser missed but not closed by the job yet is already released. */
    private static PledgeStatus status(String stored, Fundraiser.Status fundraiser) {
        return "PROMISED".equals(stored) && fundraiser == Fundraiser.Status.MISSED ? PledgeStatus.RELEASED
                : PledgeStatus.fromValue(stored);
    }

    private static FundraiserPerson person(UUID id, String firstName, String lastName) {
        return new FundraiserPerson().memberId(id).firstName(firstName).lastName(lastName);
    }

    private OffsetDateTime time(Instant instant) {
        return instant.atZone(clock.getZone()).toOffsetDateTime();
    }
}
