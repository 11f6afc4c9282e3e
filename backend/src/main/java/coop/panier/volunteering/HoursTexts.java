package coop.panier.volunteering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The standing sentence: where a household stands, why, and what brings it back, in one French
 * sentence computed from its account (and, when it is behind, from the shifts it could take).
 */
final class HoursTexts {

    private static final Locale FR = Locale.FRENCH;

    private HoursTexts() {
    }

    /** A shift that would count: one the household holds a seat in, or one with a free seat. */
    record Suggestion(String task, Instant startsAt, int creditMinutes, boolean signedUp) {
    }

    static String sentence(HoursAccount a, List<Suggestion> suggestions, ZoneId zone) {
        return switch (a.standing()) {
            case EXEMPTED -> "Votre foyer est exempté de bénévolat" + until(a) + " (" + reasons(a.coverReasons())
                    + ") : aucune heure ne lui est demandée" + (a.coveredUntil() == null ? "" : " d'ici là") + owedBefore(a) + ".";
            case PAUSED -> "Votre foyer est en pause" + until(a) + " : aucune heure ne lui est demandée"
                    + (a.coveredUntil() == null ? "" : " d'ici là, puis " + rule(a.rule())) + owedBefore(a) + ".";
            case UP_TO_DATE -> upToDate(a);
            case ALERT -> "Il manque " + minutes(a.deficit()) + " à votre foyer depuis " + month(a.behindFrom(), a.today())
                    + " : " + remedy(a.deficit(), suggestions, zone, a.today()) + " pour revenir à jour avant le "
                    + day(a.graceEndsOn()) + ".";
            case SUSPENDED -> "Votre foyer est suspendu : il lui manque " + minutes(a.deficit()) + " depuis "
                    + month(a.behindFrom(), a.today()) + (a.suspension() == HoursAccount.Suspension.THRESHOLD
                            ? ", or la coopérative suspend dès " + minutes(a.rule().suspendAfterMinutes()) + " de retard"
                            : ", au-delà des " + a.rule().graceDays() + " jours de délai")
                    + " ; " + remedy(a.deficit(), suggestions, zone, a.today()) + " pour revenir à jour"
                    + (a.rule().orderingGate() ? " et commander de nouveau." : ".");
        };
    }

    private static String upToDate(HoursAccount a) {
        HoursAccount.Month current = a.currentMonth();
        if (current == null || a.currentRequired() == 0 && a.balance() <= 0) {
            return "Votre foyer est à jour : aucune heure ne lui est demandée ce mois-ci.";
        }
        String month = current.month().getMonth().getDisplayName(java.time.format.TextStyle.FULL, FR);
        if (a.toDoThisMonth() > 0) {
            return "Votre foyer est à jour : il lui reste " + minutes(a.toDoThisMonth()) + " à faire d'ici le "
                    + day(current.month().atEndOfMonth()) + " pour " + month + " (" + rule(a.rule()) + ").";
        }
        if (a.giftable() > 0) {
            return "Votre foyer est à jour : les heures " + of(month) + " sont faites, et " + minutes(a.giftable())
                    + " d'avance " + (a.giftable() < 120 ? "est reportée" : "sont reportées") + " sur les mois suivants.";
        }
        return "Votre foyer est à jour : les heures " + of(month) + " sont faites.";
    }

    /** What would make up the deficit: the shifts it holds or could take, or simply the hours. */
    private static String remedy(int deficit, List<Suggestion> suggestions, ZoneId zone, LocalDate today) {
        List<Suggestion> chosen = new ArrayList<>();
        int sum = 0;
        for (Suggestion s : suggestions) {
            if (sum >= deficit || chosen.size() == 3) {
                break;
            }
            chosen.add(s);
            sum += s.creditMinutes();
        }
        if (chosen.isEmpty() || sum < deficit) {
            return minutes(deficit) + " de bénévolat, en créneaux ou en heures déclarées, "
                    + (deficit < 120 ? "suffit" : "suffisent");
        }
        List<String> parts = new ArrayList<>();
        for (Suggestion s : chosen) {
            String when = DateTimeFormatter.ofPattern("EEEE", FR).format(s.startsAt().atZone(zone)) + " "
                    + day(s.startsAt().atZone(zone).toLocalDate());
            parts.add((s.signedUp() ? "votre créneau « " : "le créneau « ") + s.task() + " » du " + when + " ("
                    + minutes(s.creditMinutes()) + ")");
        }
        String list = parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " et " + parts.get(parts.size() - 1);
        return list + (parts.size() == 1 ? " suffit" : " suffisent");
    }

    private static String until(HoursAccount a) {
        return a.coveredUntil() == null ? "" : " jusqu'au " + day(a.coveredUntil());
    }

    private static String owedBefore(HoursAccount a) {
        return a.deficit() == 0 ? ""
                : " ; les " + minutes(a.deficit()) + " qui manquaient avant restent à rattraper ensuite";
    }

    static String rule(HoursAccount.Rule rule) {
        return rule.kind() == HoursAccount.Kind.SHIFTS_PER_CYCLE
                ? rule.shiftsPerCycle() + (rule.shiftsPerCycle() == 1 ? " créneau" : " créneaux")
                        + " par adulte toutes les 4 semaines"
                : minutes(rule.minutesPerAdult()) + " par adulte et par mois";
    }

    static String reasons(Set<String> reasons) {
        return reasons.stream().filter(r -> !r.equals("PAUSE")).map(HoursTexts::reason).collect(Collectors.joining(" et "));
    }

    static String reason(String reason) {
        return switch (reason) {
            case "HEALTH" -> "santé";
            case "PARENTAL_LEAVE" -> "congé parental";
            case "AGE" -> "âge";
            default -> "autre motif";
        };
    }

    /** 150 as « 2 h 30 », 240 as « 4 h », 45 as « 45 min ». */
    static String minutes(int minutes) {
        int m = Math.abs(minutes);
        String sign = minutes < 0 ? "-" : "";
        if (m < 60) {
            return sign + m + " min";
        }
        return sign + (m / 60) + " h" + (m % 60 == 0 ? "" : String.format(" %02d", m % 60));
    }

    /** « de septembre », « d'octobre ». */
    private static String of(String word) {
        return ("aeiouyéèâh".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "d'" : "de ") + word;
    }

    /** « 1er décembre », « 15 décembre ». */
    static String day(LocalDate date) {
        return (date.getDayOfMonth() == 1 ? "1er" : String.valueOf(date.getDayOfMonth())) + " "
                + DateTimeFormatter.ofPattern("MMMM", FR).format(date);
    }

    /** « septembre », or « septembre 2026 » when that is not this year. */
    static String month(YearMonth month, LocalDate today) {
        String name = DateTimeFormatter.ofPattern("MMMM", FR).format(month);
        return month.getYear() == today.getYear() ? name : name + " " + month.getYear();
    }
}
