/** The dashboards: pages, charts and CSV exports over the insight read models. */
@NullMarked
package io.repdesk.web.insight;

import org.jspecify.annotations.NullMarked;
