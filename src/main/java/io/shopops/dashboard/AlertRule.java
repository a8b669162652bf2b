package io.shopops.dashboard;

import java.math.BigDecimal;

/**
 * An alert rule.
 *
 * @param id the id
 * @param kind what it watches
 * @param threshold its limit (percent, percentage points, items or units by kind)
 * @param queueKey the message key of the work queue of an
 * {@link AlertRuleKind#SLA_BACKLOG} rule, else {@code null}
 * @param enabled whether it is evaluated
 */
record AlertRule(long id, AlertRuleKind kind, BigDecimal threshold, String queueKey, boolean enabled) {

}
