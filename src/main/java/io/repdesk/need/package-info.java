/**
 * Service needs: the problem as the customer experiences it, shared by many customers. A need moves
 * through the REP lifecycle (respond, empower, prevent, eliminated) and carries a demand class.
 */
@NullMarked
package io.repdesk.need;

import org.jspecify.annotations.NullMarked;
