package io.repdesk.knowledge;

/**
 * What self-service and agents made of an article or of a need's articles.
 *
 * @param searches portal searches (for a need: those whose text matched the need)
 * @param views article views on the portal
 * @param solved sessions in which a customer said an article solved the problem
 * @param reuses uses in agents' replies
 * @param flagged reuses flagged as needing improvement
 * @param sessions self-service sessions that touched the article (or the need)
 * @param followed sessions a request followed within 24 hours
 * @param deflected sessions that ended without a request within 24 hours, after "solved" or after an
 *     article view at least 24 hours ago
 */
public record Usage(long searches, long views, long solved, long reuses, long flagged, long sessions, long followed,
        long deflected) {

    /** Deflected sessions per session whose outcome is known (solved, followed, or 24 hours past); null without any. */
    public Double deflectionRate() {
        long known = deflected + followed;
        return known == 0 ? null : (double) deflected / known;
    }
}
