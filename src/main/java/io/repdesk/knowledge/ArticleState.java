package io.repdesk.knowledge;

/** Where an article stands: only published articles reach customers and suggestions. */
public enum ArticleState {
    /** Being written; agents see it, customers do not. */
    DRAFT,
    /** Live: searchable and suggested to its audience. */
    PUBLISHED,
    /** Withdrawn: kept for its history and measures, shown to no one as an answer. */
    ARCHIVED
}
