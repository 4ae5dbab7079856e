package net.nsglobal.te.world.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When a site's unanswered queries make it silent for the round ({@link RoundRunner.Silence}). */
class SilenceTest {
    @Test
    void threeMissesOneAfterAnotherSilenceASite() {
        RoundRunner.Silence s = new RoundRunner.Silence();
        assertThat(s.missed(0, 10)).isFalse();
        assertThat(s.missed(10, 20)).isFalse();
        assertThat(s.missed(20, 30)).as("the third separate miss").isTrue();
        assertThat(s.silent()).isTrue();
    }

    @Test
    void missesInFlightTogetherDuringOnePauseCountOnce() {
        RoundRunner.Silence s = new RoundRunner.Silence();
        // eight queries sent within the same second, all lost to one 1 s pause of the server
        for (int i = 0; i < 8; i++) assertThat(s.missed(i, 1000 + i)).isFalse();
        assertThat(s.silent()).as("one pause is one miss").isFalse();
    }

    @Test
    void anAnswerStartsTheCountAgain() {
        RoundRunner.Silence s = new RoundRunner.Silence();
        s.missed(0, 10);
        s.missed(10, 20);
        s.answered();
        assertThat(s.missed(20, 30)).isFalse();
        assertThat(s.silent()).isFalse();
    }
}
