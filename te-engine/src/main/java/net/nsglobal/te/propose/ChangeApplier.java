package net.nsglobal.te.propose;

import net.nsglobal.te.apply.Knobs;

/**
 * Puts a site's knobs into effect (the launcher binds it to the site's BIRD). The lifecycle calls it for an approved
 * proposal's sites and, on a rollback, with the previous knobs.
 */
@FunctionalInterface
public interface ChangeApplier {
    Outcome apply(String site, Knobs knobs);

    /** What became of one site's change. */
    sealed interface Outcome {
        String detail();

        /** The site runs the new knobs. */
        record Applied(String detail) implements Outcome {}

        /** The site refused them before changing anything (bad config, site unreachable…). */
        record Refused(String detail) implements Outcome {}

        /** The site took them but went back to its previous configuration (it did not come up healthy). */
        record Reverted(String detail) implements Outcome {}
    }
}
