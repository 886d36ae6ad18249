package io.repdesk.intake;

/**
 * Shows a question only when another question applies and was answered with the given value (numbers
 * compared by value, anything else ignoring case).
 *
 * @param question the key of the question whose answer decides
 * @param equals the answer that shows the question
 */
public record Condition(String question, String equals) {

    @Override
    public String toString() {
        return question + " = " + equals;
    }
}
