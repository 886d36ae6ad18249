package io.repdesk.web.admin;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import io.repdesk.casework.EscalationManagement;
import io.repdesk.casework.EscalationRule;
import io.repdesk.casework.EscalationRule.Trigger;
import io.repdesk.casework.Priority;
import io.repdesk.casework.Tier;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.TeamId;

/**
 * The escalation rule form as typed, so a refused form comes back exactly as it was sent. The hours and
 * the priority count only for their own trigger; the plan filters every trigger and is the whole of
 * {@link Trigger#CUSTOMER_PLAN}.
 */
record EscalationRuleForm(String name, String trigger, String needUnknownHours, String priority, String plan,
        String toTier, String toTeamId, boolean mandatory, boolean active, String rank) {

    static final int MAX_NAME = 100;
    static final int MAX_PLAN = 100;

    static EscalationRuleForm blank() {
        return new EscalationRuleForm("", Trigger.SLA_BREACH.name(), "", "", "", Tier.TIER_2.name(), "", false, true,
                "10");
    }

    static EscalationRuleForm of(EscalationRule r) {
        return new EscalationRuleForm(r.name(), r.trigger().name(),
                r.needUnknownHours() == null ? "" : r.needUnknownHours().toString(),
                r.priority() == null ? "" : r.priority().name(), r.plan() == null ? "" : r.plan(), r.toTier().name(),
                r.toTeamId() == null ? "" : r.toTeamId().toString(), r.mandatory(), r.active(),
                String.valueOf(r.rank()));
    }

    /** Reads the posted fields; {@code mandatory} is "true" for must, anything else for can. */
    static EscalationRuleForm from(MultiValueMap<String, String> params) {
        return new EscalationRuleForm(Forms.text(params, "name"), Forms.text(params, "trigger"),
                Forms.text(params, "needUnknownHours"), Forms.text(params, "priority"), Forms.text(params, "plan"),
                Forms.text(params, "toTier"), Forms.text(params, "toTeamId"),
                "true".equals(Forms.text(params, "mandatory")), params.containsKey("active"),
                Forms.text(params, "rank"));
    }

    /** The request for {@link EscalationManagement#defineRule}, or null with the reasons put in {@code errors}. */
    EscalationManagement.@Nullable NewRule toRequest(FieldErrors errors) {
        if (name.isBlank() || name.strip().length() > MAX_NAME) {
            errors.reject("name", "Give the rule a name of 1–" + MAX_NAME + " characters");
        }
        Trigger when = Forms.choice(Trigger.class, trigger, "trigger", errors);
        Integer hours = when == Trigger.NEED_UNKNOWN && !needUnknownHours.isBlank()
                ? Forms.number(needUnknownHours, 1, "needUnknownHours", "Hours must be a whole number above 0",
                        errors)
                : null;
        Priority atLeast = when == Trigger.PRIORITY && !priority.isBlank()
                ? Forms.choice(Priority.class, priority, "priority", errors)
                : null;
        if (plan.strip().length() > MAX_PLAN) {
            errors.reject("plan", "Plan must be at most " + MAX_PLAN + " characters");
        }
        Tier tier = toTier.isBlank() ? null : Forms.choice(Tier.class, toTier, "toTier", errors);
        UUID team = toTeamId.isBlank() ? null : Forms.uuid(toTeamId, "toTeamId", errors);
        Integer order = Forms.number(rank, Integer.MIN_VALUE, "rank", "Rank must be a whole number, like 10", errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return new EscalationManagement.NewRule(name, when, hours, atLeast, plan.isBlank() ? null : plan.strip(),
                tier, team == null ? null : new TeamId(team), mandatory, active, order);
    }

    /** Where on the form a refusal of the rule belongs. */
    static void reject(FieldErrors errors, InvalidInput e) {
        switch (e.field()) {
            case "name" -> errors.reject("name", "Name", e);
            case "needUnknownHours" -> errors.reject("needUnknownHours", "Hours", e);
            case "priority" -> errors.reject("priority", "Priority", e);
            case "plan" -> errors.reject("plan", "Plan", e);
            case "toTier" -> errors.reject("toTier", "Tier", e);
            case "toTeamId" -> errors.reject("toTeamId", e.reason().equals("names no team")
                    ? "That team no longer exists: choose another" : sentence(e.reason()));
            default -> errors.reject(FieldErrors.FORM, e.getMessage());
        }
    }

    /** "L2 works TIER_2, not TIER_3" reads as "L2 works tier 2, not tier 3". */
    private static String sentence(String reason) {
        String text = reason;
        for (Tier t : Tier.values()) {
            text = text.replace(t.name(), t.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        return text;
    }
}
