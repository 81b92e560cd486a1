package org.secheaders.domain.grading;

/** The Observatory's letter grades; each covers a band of scores on a 5-point grid. */
public enum ObservatoryGrade {
    A_PLUS("A+", 100),
    A("A", 90),
    A_MINUS("A-", 85),
    B_PLUS("B+", 80),
    B("B", 70),
    B_MINUS("B-", 65),
    C_PLUS("C+", 60),
    C("C", 50),
    C_MINUS("C-", 45),
    D_PLUS("D+", 40),
    D("D", 30),
    D_MINUS("D-", 25),
    F("F", 0);

    private final String display;
    private final int lowestScore;

    ObservatoryGrade(String display, int lowestScore) {
        this.display = display;
        this.lowestScore = lowestScore;
    }

    /** As the Observatory prints it: {@code A+}, {@code B-}. */
    public String display() {
        return display;
    }

    /**
     * The grade chart: negative scores grade as 0, anything from 100 up is A+, and in between the
     * score is rounded down to a multiple of 5 before the lookup.
     */
    public static ObservatoryGrade forScore(int score) {
        int key = Math.min(Math.max(score, 0) / 5 * 5, 100);
        for (ObservatoryGrade grade : values()) {
            if (key >= grade.lowestScore) {
                return grade;
            }
        }
        throw new IllegalStateException("the chart ends at 0, so every key has a grade");
    }
}
