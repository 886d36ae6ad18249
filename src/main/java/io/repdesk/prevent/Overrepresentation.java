package io.repdesk.prevent;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An environment value and how much more common it is among a need's affected customers than in the customer base.
 *
 * @param field {@code product}, {@code platform}, {@code version}, {@code plan}, {@code region} or
 *     {@code attributes.<name>} for a custom attribute
 * @param lift the value's share among affected customers divided by its share of all customers
 * @param z the two-proportion z-score, affected customers against all other customers
 * @param pValue the one-sided chance of so high a z without an effect
 * @param significant whether {@code pValue} stays under the significance level divided by the number of values tested
 * @param testEnvironments the test environments that run the value; empty when none does
 * @param question for an intake answer ({@code intake.<question key>}), the question's prompt; its shares count the
 *     need's cases that answered the question against all cases that did
 */
public record Overrepresentation(String field, String value, long affected, double affectedShare, long base,
        double baseShare, double lift, double z, double pValue, boolean significant, List<String> testEnvironments,
        @Nullable String question) {

    /** The field prefix of intake answers. */
    public static final String INTAKE = "intake.";

    public Overrepresentation {
        testEnvironments = List.copyOf(testEnvironments);
    }

    public String key() {
        return field + "=" + value;
    }

    /** The field as people read it: {@code version}, or {@code device (custom)} for a custom attribute. */
    public String fieldLabel() {
        if (intake()) {
            return "Intake: " + (question == null ? field.substring(INTAKE.length()) : question);
        }
        return field.startsWith("attributes.") ? field.substring("attributes.".length()) + " (custom)" : field;
    }

    /** Whether this is an intake answer rather than an environment value (no cohort or test environment has it). */
    public boolean intake() {
        return field.startsWith(INTAKE);
    }

    /** Whether no test environment runs the value. */
    public boolean untested() {
        return testEnvironments.isEmpty();
    }
}
